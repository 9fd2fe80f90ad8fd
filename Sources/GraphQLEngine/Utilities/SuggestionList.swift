// graphql-js `jsutils/suggestionList`, `didYouMean` and `naturalCompare`.

/// graphql-js `suggestionList`: the options close to `input` (Damerau-Levenshtein within
/// 40% of the input's length), nearest first, ties in natural order.
public func suggestionList(_ input: String, _ options: [String]) -> [String] {
    var distances: [String: Int] = [:]
    var measure = LexicalDistance(input)
    let threshold = input.utf16.count * 4 / 10 + 1
    for option in options {
        if let d = measure.measure(option, threshold: threshold) { distances[option] = d }
    }
    return distances.keys.sorted { a, b in
        let da = distances[a] ?? 0
        let db = distances[b] ?? 0
        return da != db ? da < db : naturalCompare(a, b) < 0
    }
}

private struct LexicalDistance {
    let input: String
    let inputLowerCase: String
    let inputArray: [UInt16]
    var rows: [[Int]]

    init(_ input: String) {
        self.input = input
        inputLowerCase = input.lowercased()
        inputArray = Array(inputLowerCase.utf16)
        let width = input.utf16.count + 1
        rows = [Array(repeating: 0, count: width), Array(repeating: 0, count: width), Array(repeating: 0, count: width)]
    }

    mutating func measure(_ option: String, threshold: Int) -> Int? {
        if input == option { return 0 }
        let optionLowerCase = option.lowercased()
        if inputLowerCase == optionLowerCase { return 1 }
        var a = Array(optionLowerCase.utf16)
        var b = inputArray
        if a.count < b.count { swap(&a, &b) }
        let aLength = a.count
        let bLength = b.count
        if aLength - bLength > threshold { return nil }
        // Rows are sized for the input; lowercasing can change lengths, so grow if needed.
        if rows[0].count < bLength + 1 {
            rows = Array(repeating: Array(repeating: 0, count: bLength + 1), count: 3)
        }
        for j in 0...bLength { rows[0][j] = j }
        if aLength == 0 { return bLength <= threshold ? bLength : nil }
        for i in 1...aLength {
            let up = (i - 1) % 3
            let cur = i % 3
            rows[cur][0] = i
            var smallestCell = i
            if bLength > 0 {
                for j in 1...bLength {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var currentCell = min(rows[up][j] + 1, rows[cur][j - 1] + 1, rows[up][j - 1] + cost)
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        currentCell = min(currentCell, rows[(i - 2) % 3][j - 2] + 1)
                    }
                    if currentCell < smallestCell { smallestCell = currentCell }
                    rows[cur][j] = currentCell
                }
            }
            if smallestCell > threshold { return nil }
        }
        let distance = rows[aLength % 3][bLength]
        return distance <= threshold ? distance : nil
    }
}

/// graphql-js `naturalCompare`: compares digit runs by numeric value.
public func naturalCompare(_ aStr: String, _ bStr: String) -> Int {
    let a = Array(aStr.utf16)
    let b = Array(bStr.utf16)
    var ai = 0
    var bi = 0
    func isDigit(_ c: UInt16) -> Bool { c >= 48 && c <= 57 }
    while ai < a.count && bi < b.count {
        var aChar = a[ai]
        var bChar = b[bi]
        if isDigit(aChar) && isDigit(bChar) {
            var aNum = 0
            repeat {
                ai += 1
                aNum = aNum &* 10 &+ Int(aChar) - 48
                aChar = ai < a.count ? a[ai] : 0
            } while isDigit(aChar) && aNum > 0
            var bNum = 0
            repeat {
                bi += 1
                bNum = bNum &* 10 &+ Int(bChar) - 48
                bChar = bi < b.count ? b[bi] : 0
            } while isDigit(bChar) && bNum > 0
            if aNum < bNum { return -1 }
            if aNum > bNum { return 1 }
        } else {
            if aChar < bChar { return -1 }
            if aChar > bChar { return 1 }
            ai += 1
            bi += 1
        }
    }
    return a.count - b.count
}

/// graphql-js `didYouMean`: ` Did you mean "a", "b", or "c"?` (at most five), or "".
public func didYouMean(_ suggestions: [String]) -> String {
    didYouMean(nil, suggestions)
}

/// graphql-js `didYouMean(subMessage, suggestions)`: ` Did you mean <subMessage> "a"?`.
public func didYouMean(_ subMessage: String?, _ suggestions: [String]) -> String {
    var message = " Did you mean "
    if let subMessage { message += subMessage + " " }
    let quoted = suggestions.map { "\"\($0)\"" }
    switch quoted.count {
    case 0: return ""
    case 1: return message + quoted[0] + "?"
    case 2: return message + quoted[0] + " or " + quoted[1] + "?"
    default:
        var selected = Array(quoted.prefix(5))
        let last = selected.removeLast()
        return message + selected.joined(separator: ", ") + ", or " + last + "?"
    }
}
