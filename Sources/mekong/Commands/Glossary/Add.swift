import ArgumentParser
import MekongGlossary
import MekongJobs
import MekongText

extension Mekong.Glossary {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a concept; prints its id.")

        @OptionGroup var options: GlossaryOptions
        @OptionGroup var fields: ConceptFieldOptions
        @Option(help: "The id (default: made from the French form, e.g. dien-bien).")
        var id: String?
        @Flag(help: "Add the concept even if one of its forms is already another concept's.")
        var force = false

        func validate() throws {
            guard fields.type != nil else { throw ValidationError("--type is required") }
            guard let fr = fields.fr, Terms(cell: fr).preferred != nil else {
                throw ValidationError("--fr with a preferred French form is required")
            }
            if let id, !Concept.isValidID(id) {
                throw ValidationError(
                    "--id '\(id)' must be lower-case letters, digits and hyphens, starting with a letter")
            }
            try fields.validateForms()
        }

        func run() throws {
            try Run.command {
                let location = options.location
                let newID: String = try location.store.update(creating: true) { glossary in
                    let id = id ?? glossary.newID(for: Terms(cell: fields.fr!).preferred!)
                    if glossary[id] != nil {
                        throw Diagnostic.error(
                            "exists", "a concept with id '\(id)' exists; use 'mekong glossary edit \(id)'",
                            file: location.directory)
                    }
                    var c = Concept(id: id, type: fields.type!)
                    fields.apply(to: &c)
                    if !force, let shared = glossary.sharedForms(of: c).first {
                        throw Diagnostic.error(
                            "form-exists", "not added: \(shared) (--force adds it anyway)", file: location.directory)
                    }
                    glossary.upsert(c)
                    return id
                }
                print(newID)
                return .ok
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change the fields given of a concept.")

        @OptionGroup var options: GlossaryOptions
        @Argument(help: "The concept's id.") var id: String
        @OptionGroup var fields: ConceptFieldOptions

        func validate() throws {
            if let fr = fields.fr, Terms(cell: fr).preferred == nil {
                throw ValidationError("--fr needs a preferred French form")
            }
            try fields.validateForms()
        }

        func run() throws {
            try Run.command {
                let location = options.location
                try location.store.update { glossary in
                    guard var c = glossary[id] else {
                        throw Diagnostic.error(
                            "no-such-concept", "no concept with id '\(id)'", file: location.directory)
                    }
                    fields.apply(to: &c)
                    glossary.upsert(c)
                }
                return .ok
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a concept.")

        @OptionGroup var options: GlossaryOptions
        @Argument(help: "The concept's id.") var id: String

        func run() throws {
            try Run.command {
                let location = options.location
                try location.store.update { glossary in
                    guard glossary.remove(id: id) != nil else {
                        throw Diagnostic.error(
                            "no-such-concept", "no concept with id '\(id)'", file: location.directory)
                    }
                }
                return .ok
            }
        }
    }
}
