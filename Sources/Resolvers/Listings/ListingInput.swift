import Foundation

/// Input of `createListing` (enums as their GraphQL names).
struct CreateListingInput: Decodable, Sendable {
    var kind: String
    var title: String
    var description: String?
    var category: String
    var tags: [String]?
    var priceCents: Int64
    var currency: String?
    var priceType: String?
    var quantity: Int?
    var imageKeys: [String]?
    var fileKey: String?
    var city: String?
    var state: String?
    var eventStartsAt: Date?
    var venue: String?
}

/// Input of `updateListing`: nil is "unchanged"; an empty string clears an optional text.
struct UpdateListingInput: Decodable, Sendable {
    var title: String?
    var description: String?
    var category: String?
    var tags: [String]?
    var priceCents: Int64?
    var currency: String?
    var priceType: String?
    var quantity: Int?
    var imageKeys: [String]?
    var fileKey: String?
    var city: String?
    var state: String?
    var eventStartsAt: Date?
    var venue: String?
}

/// Every column a provider writes, as it will be stored: `create` and `update` both end in
/// one of these, so the rules between fields (a ticket's quantity and event) are checked once.
struct ListingFields: Sendable, Equatable {
    var kind: ListingKind
    var title: String
    var description: String
    var category: String
    var tags: [String]
    var priceCents: Int64
    var currency: String
    var priceType: String
    var quantity: Int?
    var imageKeys: [String]
    var fileKey: String?
    var city: String?
    var state: String?
    var eventStartsAt: Date?
    var venue: String?

    /// The fields of a stored listing (the base an update changes).
    init(_ row: ListingRow) {
        kind = row.kind
        title = row.title
        description = row.description
        category = row.category
        tags = row.tags
        priceCents = row.priceCents
        currency = row.currency
        priceType = row.priceType
        quantity = row.quantity
        imageKeys = row.imageKeys
        fileKey = row.fileKey
        city = row.city
        state = row.state
        eventStartsAt = row.eventStartsAt
        venue = row.venue
    }

    init(kind: ListingKind) {
        self.kind = kind
        title = ""
        description = ""
        category = ""
        tags = []
        priceCents = 0
        currency = Money.platformCurrency
        priceType = "fixed"
        imageKeys = []
    }
}

/// The input rules of listings. Each failure is a `UserError` naming its input field.
struct ListingValidation {
    static let titleLength = 3...140
    static let categoryLength = 1...60
    static let tagLength = 1...40
    static let maximumTags = 20
    static let maximumImages = 10
    static let priceRange: ClosedRange<Int64> = 0...99_999_999
    static let quantityRange = 1...100_000
    static let descriptionLength = 10_000

    private(set) var errors: [UserError] = []
    let now: Date

    init(now: Date = Date()) {
        self.now = now
    }

    private mutating func fail(_ path: [String], _ message: String) {
        errors.append(UserError(field: ["input"] + path, code: .invalidInput, message: message))
    }

    /// A new listing's fields from its input.
    mutating func create(_ input: CreateListingInput) -> ListingFields? {
        guard let kind = ListingKind(graphQLName: input.kind) else {
            fail(["kind"], "Choose SERVICE, DIGITAL or TICKET.")
            return nil
        }
        var fields = ListingFields(kind: kind)
        apply(title: input.title, description: input.description, category: input.category, tags: input.tags,
              priceCents: input.priceCents, currency: input.currency, priceType: input.priceType,
              quantity: input.quantity, imageKeys: input.imageKeys, fileKey: input.fileKey, city: input.city,
              state: input.state, eventStartsAt: input.eventStartsAt, venue: input.venue, to: &fields)
        checkKindRules(fields, requireFutureEvent: true)
        return errors.isEmpty ? fields : nil
    }

    /// `row`'s fields changed by `input`.
    mutating func update(_ row: ListingRow, _ input: UpdateListingInput) -> ListingFields? {
        var fields = ListingFields(row)
        apply(title: input.title, description: input.description, category: input.category, tags: input.tags,
              priceCents: input.priceCents, currency: input.currency, priceType: input.priceType,
              quantity: input.quantity, imageKeys: input.imageKeys, fileKey: input.fileKey, city: input.city,
              state: input.state, eventStartsAt: input.eventStartsAt, venue: input.venue, to: &fields)
        // An event that has started since is not this input's fault unless it moves the event.
        checkKindRules(fields, requireFutureEvent: input.eventStartsAt != nil)
        return errors.isEmpty ? fields : nil
    }

    private mutating func apply(
        title: String?, description: String?, category: String?, tags: [String]?, priceCents: Int64?,
        currency: String?, priceType: String?, quantity: Int?, imageKeys: [String]?, fileKey: String?,
        city: String?, state: String?, eventStartsAt: Date?, venue: String?, to fields: inout ListingFields
    ) {
        if let title {
            let clean = title.trimmingWhitespace()
            if !Self.titleLength.contains(clean.unicodeScalars.count) || clean.contains(where: \.isNewline) {
                fail(["title"], "The title must be 3 to 140 characters on one line.")
            }
            fields.title = clean
        }
        if let description {
            let clean = description.trimmingWhitespace()
            if clean.count > Self.descriptionLength { fail(["description"], "The description must be at most 10,000 characters.") }
            fields.description = clean
        }
        if let category {
            let clean = category.trimmingWhitespace()
            if !Self.categoryLength.contains(clean.count) || clean.contains(where: \.isNewline) {
                fail(["category"], "The category must be 1 to 60 characters on one line.")
            }
            fields.category = clean
        }
        if let tags {
            var clean: [String] = []
            for (index, tag) in tags.enumerated() {
                let normalized = ListingTags.normalize(tag)
                if !Self.tagLength.contains(normalized.count) || normalized.contains(where: \.isNewline) {
                    fail(["tags", String(index)], "A tag must be 1 to 40 characters on one line.")
                } else if !clean.contains(normalized) {
                    clean.append(normalized)
                }
            }
            if clean.count > Self.maximumTags { fail(["tags"], "A listing has at most 20 tags.") }
            fields.tags = clean
        }
        if let priceCents {
            if !Self.priceRange.contains(priceCents) { fail(["priceCents"], "The price must be 0 to 99,999,999 cents.") }
            fields.priceCents = priceCents
        }
        if let currency {
            let code = currency.trimmingWhitespace().uppercased()
            if !Money.supportedCurrencies.contains(code) {
                fail(["currency"], "The currency must be one of " + Money.supportedCurrencies.sorted().joined(separator: ", ") + ".")
            }
            fields.currency = code
        }
        if let priceType {
            // The schema's enum admits only these; the lower-case name is what the table stores.
            fields.priceType = priceType.lowercased()
        }
        if let quantity {
            if !Self.quantityRange.contains(quantity) { fail(["quantity"], "The quantity must be 1 to 100,000.") }
            fields.quantity = quantity
        }
        if let imageKeys {
            if imageKeys.count > Self.maximumImages { fail(["imageKeys"], "A listing has at most 10 images.") }
            if Set(imageKeys).count != imageKeys.count { fail(["imageKeys"], "An image is listed twice.") }
            fields.imageKeys = imageKeys
        }
        if let fileKey { fields.fileKey = fileKey }
        if let city { fields.city = place(city, ["city"], "The city") }
        if let state { fields.state = place(state, ["state"], "The state") }
        if let eventStartsAt { fields.eventStartsAt = eventStartsAt }
        if let venue {
            let clean = venue.trimmingWhitespace()
            if clean.count > 200 || clean.contains(where: \.isNewline) { fail(["venue"], "The venue must be at most 200 characters on one line.") }
            fields.venue = clean.isEmpty ? nil : clean
        }
    }

    private mutating func place(_ value: String, _ path: [String], _ name: String) -> String? {
        let clean = value.trimmingWhitespace()
        if clean.count > 100 || clean.contains(where: \.isNewline) {
            fail(path, "\(name) must be at most 100 characters on one line.")
        }
        return clean.isEmpty ? nil : clean
    }

    /// What each kind needs: a DIGITAL listing its file, a TICKET its quantity and a future
    /// event; the others neither file nor event.
    private mutating func checkKindRules(_ fields: ListingFields, requireFutureEvent: Bool) {
        switch fields.kind {
        case .digital:
            if fields.fileKey == nil { fail(["fileKey"], "A DIGITAL listing needs its file: upload it and give its key.") }
        case .ticket:
            if fields.quantity == nil { fail(["quantity"], "A TICKET listing needs a quantity.") }
            if let startsAt = fields.eventStartsAt {
                if requireFutureEvent, startsAt <= now { fail(["eventStartsAt"], "The event must start in the future.") }
            } else {
                fail(["eventStartsAt"], "A TICKET listing needs the time its event starts.")
            }
        case .service:
            break
        }
        if fields.kind != .digital, fields.fileKey != nil {
            fail(["fileKey"], "Only DIGITAL listings have a file.")
        }
        if fields.kind != .ticket {
            if fields.eventStartsAt != nil { fail(["eventStartsAt"], "Only TICKET listings have an event time.") }
            if fields.venue != nil { fail(["venue"], "Only TICKET listings have a venue.") }
        }
    }

    /// Whether a TICKET's event is still ahead (publishing one that has started is refused).
    static func eventIsAhead(_ fields: ListingFields, now: Date) -> Bool {
        fields.kind != .ticket || (fields.eventStartsAt.map { $0 > now } ?? false)
    }
}

extension ListingKind {
    /// From the schema's enum name (`DIGITAL`).
    init?(graphQLName: String) {
        self.init(rawValue: graphQLName.lowercased())
    }

    var graphQLName: String { rawValue.uppercased() }
}

extension ListingStatus {
    /// From the schema's enum name (`SOLD_OUT`).
    init?(graphQLName: String) {
        self.init(rawValue: graphQLName.lowercased())
    }

    var graphQLName: String { rawValue.uppercased() }
}
