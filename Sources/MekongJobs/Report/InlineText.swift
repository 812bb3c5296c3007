import MekongText

/// An element to open at a range of a text and close at its end.
struct InlineMark {
    var range: Range<Int>
    var open: String
    var close: String
    /// At the same range, lower opens first (outside): findings 0, names 1.
    var priority: Int
}

extension ReportPage {
    /// Renders `text[range]` with marks nested inside it. A mark that would cross the end of the
    /// mark it starts in is cut at that end (so every mark stays one element); a mark that would
    /// be empty gets a visible sign by CSS. Line breaks become `<br>`, invisible characters
    /// their code points.
    static func inline(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ marks: [InlineMark]) -> String {
        let lower = max(0, min(range.lowerBound, scalars.count))
        let upper = max(lower, min(range.upperBound, scalars.count))
        var out = ""
        var pos = lower
        func emit(_ to: Int) {
            guard to > pos else { return }
            for i in pos..<to {
                let u = scalars[i]
                if u == "\n" {
                    out += "<br>"
                } else if u == "\r" {
                    continue
                } else if HTMLText.isInvisible(u) {
                    out += "<span class=\"cp\">\(ScriptChecks.codePoint(u.value))</span>"
                } else {
                    HTMLText.append(u, to: &out)
                }
            }
            pos = to
        }
        let sorted = marks.map { m -> InlineMark in
            var m = m
            let s = max(lower, min(m.range.lowerBound, upper))
            m.range = s..<max(s, min(m.range.upperBound, upper))
            return m
        }.sorted {
            ($0.range.lowerBound, -$0.range.upperBound, $0.priority) < (
                $1.range.lowerBound, -$1.range.upperBound, $1.priority
            )
        }
        var stack: [(end: Int, close: String)] = []
        for var m in sorted {
            while let top = stack.last, top.end <= m.range.lowerBound {
                emit(top.end)
                out += top.close
                stack.removeLast()
            }
            if let top = stack.last, m.range.upperBound > top.end {
                m.range = m.range.lowerBound..<top.end
            }
            emit(m.range.lowerBound)
            out += m.open
            stack.append((m.range.upperBound, m.close))
        }
        while let top = stack.popLast() {
            emit(top.end)
            out += top.close
        }
        emit(upper)
        return out
    }

    /// ``inline(_:_:_:)`` over a whole text, for tests: marks as (range, open, close, priority).
    static func inlineForTests(_ text: String, _ marks: [(Range<Int>, String, String, Int)]) -> String {
        let scalars = Array(text.unicodeScalars)
        return inline(
            scalars, 0..<scalars.count, marks.map { InlineMark(range: $0.0, open: $0.1, close: $0.2, priority: $0.3) })
    }
}
