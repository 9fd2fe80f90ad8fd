/// Names, places and business words for seeded users and providers.
enum SeedPeople {
    struct City: Sendable {
        var name: String
        var state: String
        var areaCode: String
    }

    /// Real US cities (the browse filters by city and state are worth trying on them).
    static let cities: [City] = [
        City(name: "Austin", state: "TX", areaCode: "512"), City(name: "Portland", state: "OR", areaCode: "503"),
        City(name: "Denver", state: "CO", areaCode: "303"), City(name: "Seattle", state: "WA", areaCode: "206"),
        City(name: "Chicago", state: "IL", areaCode: "312"), City(name: "Nashville", state: "TN", areaCode: "615"),
        City(name: "New York", state: "NY", areaCode: "212"), City(name: "San Diego", state: "CA", areaCode: "619"),
        City(name: "Atlanta", state: "GA", areaCode: "404"), City(name: "Boston", state: "MA", areaCode: "617"),
        City(name: "Minneapolis", state: "MN", areaCode: "612"),
        City(name: "Philadelphia", state: "PA", areaCode: "215"), City(name: "Phoenix", state: "AZ", areaCode: "602"),
        City(name: "Raleigh", state: "NC", areaCode: "919"),
        City(name: "Salt Lake City", state: "UT", areaCode: "801"),
        City(name: "New Orleans", state: "LA", areaCode: "504"),
    ]

    static let firstNames = [
        "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas", "Mia", "Mateo",
        "Amelia", "Benjamin", "Harper", "Daniel", "Evelyn", "Henry", "Abigail", "Samuel", "Chloe", "David",
        "Grace", "Jackson", "Priya", "Wei", "Fatima", "Diego", "Aisha", "Hiroshi", "Sofia", "Omar", "Lena",
        "Marcus", "Nina", "Andre", "Rosa", "Tariq", "Maya", "Kenji",
    ]

    static let lastNames = [
        "Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Lopez",
        "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Nguyen", "Patel",
        "Kim", "Clark", "Lewis", "Walker", "Hall", "Young", "Allen", "Wright", "Scott", "Green", "Baker",
        "Adams", "Nelson", "Rivera", "Campbell", "Mitchell", "Chen", "Okafor", "Haddad", "Kowalski",
    ]

    /// The first word of business names, before the category's noun.
    static let businessWords = [
        "Bluebird", "Northside", "Maple", "Harbor", "Copper", "Juniper", "Golden Hour", "Riverbend", "Summit",
        "Evergreen", "Lantern", "Sparrow", "Oak & Iron", "Brightside", "Wildflower", "Sunday", "Cedar",
        "Magnolia", "Lighthouse", "Foxglove", "Hilltop", "Marigold", "Ironwood", "Willow",
    ]

    static let providerDescriptions = [
        "{name} is a {city}-based {category} business run by {first}, serving clients since {year}.",
        "Independent and locally owned in {city}. {first} started {name} in {year} after years in the trade.",
        "{name} offers {category} with care and attention to detail, in {city} and online.",
    ]

    /// Ticketed events' venues; `{city}` is the listing's city.
    static let venues = [
        "{city} Music Hall", "The Loft", "Civic Center Auditorium", "Riverside Pavilion", "The Warehouse",
        "Downtown Community Hall", "{city} Arts Center", "The Greenhouse Studio", "Union Street Taproom",
        "Old Mill Event Space",
    ]

    /// "Olivia.Smith" → "olivia.smith" (the pools are ASCII).
    static func emailLocalPart(_ first: String, _ last: String) -> String {
        "\(first).\(last)".lowercased()
    }
}
