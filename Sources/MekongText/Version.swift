/// The name and version Mekong gives itself in `--version` and in the files it writes (XLIFF
/// `tool-version`, TMX `creationtoolversion`): defined once, here.
public enum MekongInfo {
    /// `0.2.0`.
    public static let version = "0.2.0"
    /// `Mekong`.
    public static let toolName = "Mekong"
}
