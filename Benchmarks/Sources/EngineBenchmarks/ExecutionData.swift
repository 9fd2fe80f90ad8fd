import Foundation
import GraphQL
import GraphQLEngine

/// The execution workloads' data (the rules of /work/shared/bench/README.md), built once,
/// held in memory as immutable objects (final classes with `let` properties, as
/// graphql-js's side holds plain JS objects). Resolvers of both Swift engines are plain
/// property reads of these; `featuredListings(first:)` and `reviews(first:)` return the
/// first `first` elements (a new array, as JavaScript's `slice`).
enum BenchData {
    final class Item: Sendable {
        let id: String, name: String, sku: String
        let price: Double
        let quantity: Int
        let inStock: Bool
        let rating: Double
        let category: String, createdAt: String
        let weight: Double

        init(_ i: Int) {
            id = "item-\(i)"
            name = "Item \(i)"
            sku = "SKU-\(100000 + i)"
            price = Double(i % 500) + 0.99
            quantity = i % 37
            inStock = i % 3 != 0
            rating = Double(i % 50) / 10
            category = BenchData.categories[i % 8]
            createdAt = "2024-03-\(10 + i % 18)T12:00:00Z"
            weight = Double(i % 20) * 0.25 + 0.5
        }
    }

    final class Department: Sendable {
        let id: String, name: String
        let code: Int
        let active: Bool
        let sections: [Section]

        init(_ d: Int) {
            id = "dept-\(d)"
            name = "Department \(d)"
            code = 100 + d
            active = d % 2 == 0
            sections = (0..<10).map { Section(d, $0) }
        }
    }

    final class Section: Sendable {
        let id: String, name: String
        let position: Int
        let visible: Bool
        let shelves: [Shelf]

        init(_ d: Int, _ s: Int) {
            id = "sec-\(d)-\(s)"
            name = "Section \(s)"
            position = s
            visible = (d + s) % 4 != 0
            shelves = (0..<5).map { Shelf(d, s, $0) }
        }
    }

    final class Shelf: Sendable {
        let id: String, label: String
        let capacity: Int
        let load: Double

        init(_ d: Int, _ s: Int, _ h: Int) {
            id = "shelf-\(d)-\(s)-\(h)"
            label = "Shelf \(h)"
            capacity = 10 * (h + 1)
            load = Double((50 * d + 5 * s + h) % 100) / 100
        }
    }

    final class Provider: Sendable {
        let id: String, name: String
        let rating: Double

        init(_ p: Int) {
            id = "prov-\(p)"
            name = "Provider \(p)"
            rating = 4 + Double(p) / 10
        }
    }

    final class Review: Sendable {
        let rating: Int
        let body: String

        init(_ i: Int, _ r: Int) {
            rating = (i + r) % 5 + 1
            body = "Review \(r) of listing \(i)"
        }
    }

    final class Listing: Sendable {
        let id: String, title: String, description: String
        let amount: Double
        let inStock: Bool
        let rating: Double
        let provider: Provider
        let reviews: [Review]

        init(_ i: Int, providers: [Provider]) {
            id = "listing-\(i)"
            title = "Listing \(i)"
            description = "Description of listing \(i)"
            amount = 2.5 * Double(i) + 9.99
            inStock = i % 4 != 0
            rating = Double(i % 5) + 0.5
            provider = providers[i % 5]
            reviews = (0..<3).map { Review(i, $0) }
        }
    }

    static let categories = ["books", "games", "garden", "kitchen", "music", "office", "sports", "toys"]

    /// 1,000 items.
    static let items: [Item] = (0..<1000).map(Item.init)
    /// 20 departments × 10 sections × 5 shelves.
    static let departments: [Department] = (0..<20).map(Department.init)
    /// 20 listings, over 5 providers, 3 reviews each.
    static let listings: [Listing] = {
        let providers = (0..<5).map(Provider.init)
        return (0..<20).map { Listing($0, providers: providers) }
    }()
}

extension BenchData {
    /// The check of an introspection response (JSON text): the number of types, plus the
    /// fields, input fields, enum values, possible types and interfaces of the schema's own
    /// (non-`__`) types, plus their fields' arguments. The engines' responses differ in
    /// bytes for reasons that are not work (GraphQLSwift sorts types and fields and has its
    /// own description texts; graphql-js 16.6 has no `isOneOf`/`@oneOf`), not in these.
    static func introspectionCount(_ json: [UInt8]) throws -> Int {
        let response = try JSONSerialization.jsonObject(with: Data(json))
        guard let schema = ((response as? [String: Any])?["data"] as? [String: Any])?["__schema"] as? [String: Any],
            let types = schema["types"] as? [[String: Any]]
        else { throw ResponseErrors(description: "not an introspection response") }
        var count = types.count
        for type in types where !((type["name"] as? String) ?? "").hasPrefix("__") {
            for key in ["fields", "inputFields", "enumValues", "possibleTypes", "interfaces"] {
                count += (type[key] as? [Any])?.count ?? 0
            }
            for field in (type["fields"] as? [[String: Any]]) ?? [] {
                count += (field["args"] as? [Any])?.count ?? 0
            }
        }
        return count
    }
}

/// Thrown when a response has errors (the workloads must run clean).
struct ResponseErrors: Error, CustomStringConvertible {
    let description: String
}

// MARK: - Our engine

extension BenchData {
    /// The `first` argument (ours).
    static func first(_ arguments: InputFields) -> Int? {
        if case .int(let n)? = arguments["first"] { return n }
        return nil
    }

    /// The `first` argument (GraphQLSwift).
    static func first(_ args: GraphQL.Map) -> Int? { args["first"].int }

    /// The executable schema of our engine: `schema.graphql` with property-read resolvers.
    static func oursExecutable(_ schemaText: String) throws -> ExecutableSchema {
        let schema = try GraphQLEngine.buildSchema(schemaText)
        return ExecutableSchema(schema: schema, resolvers: [
            "Query": [
                "items": .sync { _, _, _, _ in items },
                "departments": .sync { _, _, _, _ in departments },
                "featuredListings": .sync { _, args, _, _ in Array(listings.prefix(first(args) ?? 20)) },
            ],
            "Item": [
                "id": .sync { p, _, _, _ in (p as! Item).id },
                "name": .sync { p, _, _, _ in (p as! Item).name },
                "sku": .sync { p, _, _, _ in (p as! Item).sku },
                "price": .sync { p, _, _, _ in (p as! Item).price },
                "quantity": .sync { p, _, _, _ in (p as! Item).quantity },
                "inStock": .sync { p, _, _, _ in (p as! Item).inStock },
                "rating": .sync { p, _, _, _ in (p as! Item).rating },
                "category": .sync { p, _, _, _ in (p as! Item).category },
                "createdAt": .sync { p, _, _, _ in (p as! Item).createdAt },
                "weight": .sync { p, _, _, _ in (p as! Item).weight },
            ],
            "Department": [
                "id": .sync { p, _, _, _ in (p as! Department).id },
                "name": .sync { p, _, _, _ in (p as! Department).name },
                "code": .sync { p, _, _, _ in (p as! Department).code },
                "active": .sync { p, _, _, _ in (p as! Department).active },
                "sections": .sync { p, _, _, _ in (p as! Department).sections },
            ],
            "Section": [
                "id": .sync { p, _, _, _ in (p as! Section).id },
                "name": .sync { p, _, _, _ in (p as! Section).name },
                "position": .sync { p, _, _, _ in (p as! Section).position },
                "visible": .sync { p, _, _, _ in (p as! Section).visible },
                "shelves": .sync { p, _, _, _ in (p as! Section).shelves },
            ],
            "Shelf": [
                "id": .sync { p, _, _, _ in (p as! Shelf).id },
                "label": .sync { p, _, _, _ in (p as! Shelf).label },
                "capacity": .sync { p, _, _, _ in (p as! Shelf).capacity },
                "load": .sync { p, _, _, _ in (p as! Shelf).load },
            ],
            "Listing": [
                "id": .sync { p, _, _, _ in (p as! Listing).id },
                "title": .sync { p, _, _, _ in (p as! Listing).title },
                "description": .sync { p, _, _, _ in (p as! Listing).description },
                "amount": .sync { p, _, _, _ in (p as! Listing).amount },
                "inStock": .sync { p, _, _, _ in (p as! Listing).inStock },
                "rating": .sync { p, _, _, _ in (p as! Listing).rating },
                "provider": .sync { p, _, _, _ in (p as! Listing).provider },
                "reviews": .sync { p, args, _, _ in Array((p as! Listing).reviews.prefix(first(args) ?? 3)) },
            ],
            "Provider": [
                "id": .sync { p, _, _, _ in (p as! Provider).id },
                "name": .sync { p, _, _, _ in (p as! Provider).name },
                "rating": .sync { p, _, _, _ in (p as! Provider).rating },
            ],
            "Review": [
                "rating": .sync { p, _, _, _ in (p as! Review).rating },
                "body": .sync { p, _, _, _ in (p as! Review).body },
            ],
        ])
    }

    /// Our engine's response JSON (`ExecutionResult.json()`); throws when it has errors.
    static func oursJSON(_ result: GraphQLEngine.ExecutionResult) throws -> [UInt8] {
        let json = result.json()
        guard result.errors.isEmpty else {
            throw ResponseErrors(description: String(decoding: json, as: UTF8.self))
        }
        return json
    }

    /// The check of our engine's response: its JSON byte count.
    @inline(__always)
    static func oursCheck(_ result: GraphQLEngine.ExecutionResult) throws -> Int {
        try oursJSON(result).count
    }
}

// MARK: - GraphQLSwift

extension BenchData {
    /// GraphQLSwift's schema: `schema.graphql` through its `buildSchema`, then each field's
    /// `resolve` set to a property read (its `buildSchema` gives fields no resolvers, and
    /// its default resolver reads properties by reflection).
    static func graphQLSwiftSchema(_ schemaText: String) throws -> GraphQL.GraphQLSchema {
        let schema = try GraphQL.buildSchema(source: schemaText)
        let resolvers: [String: [String: GraphQL.GraphQLFieldResolve]] = [
            "Query": [
                "items": { _, _, _, _ in items },
                "departments": { _, _, _, _ in departments },
                "featuredListings": { _, args, _, _ in Array(listings.prefix(first(args) ?? 20)) },
            ],
            "Item": [
                "id": { p, _, _, _ in (p as! Item).id },
                "name": { p, _, _, _ in (p as! Item).name },
                "sku": { p, _, _, _ in (p as! Item).sku },
                "price": { p, _, _, _ in (p as! Item).price },
                "quantity": { p, _, _, _ in (p as! Item).quantity },
                "inStock": { p, _, _, _ in (p as! Item).inStock },
                "rating": { p, _, _, _ in (p as! Item).rating },
                "category": { p, _, _, _ in (p as! Item).category },
                "createdAt": { p, _, _, _ in (p as! Item).createdAt },
                "weight": { p, _, _, _ in (p as! Item).weight },
            ],
            "Department": [
                "id": { p, _, _, _ in (p as! Department).id },
                "name": { p, _, _, _ in (p as! Department).name },
                "code": { p, _, _, _ in (p as! Department).code },
                "active": { p, _, _, _ in (p as! Department).active },
                "sections": { p, _, _, _ in (p as! Department).sections },
            ],
            "Section": [
                "id": { p, _, _, _ in (p as! Section).id },
                "name": { p, _, _, _ in (p as! Section).name },
                "position": { p, _, _, _ in (p as! Section).position },
                "visible": { p, _, _, _ in (p as! Section).visible },
                "shelves": { p, _, _, _ in (p as! Section).shelves },
            ],
            "Shelf": [
                "id": { p, _, _, _ in (p as! Shelf).id },
                "label": { p, _, _, _ in (p as! Shelf).label },
                "capacity": { p, _, _, _ in (p as! Shelf).capacity },
                "load": { p, _, _, _ in (p as! Shelf).load },
            ],
            "Listing": [
                "id": { p, _, _, _ in (p as! Listing).id },
                "title": { p, _, _, _ in (p as! Listing).title },
                "description": { p, _, _, _ in (p as! Listing).description },
                "amount": { p, _, _, _ in (p as! Listing).amount },
                "inStock": { p, _, _, _ in (p as! Listing).inStock },
                "rating": { p, _, _, _ in (p as! Listing).rating },
                "provider": { p, _, _, _ in (p as! Listing).provider },
                "reviews": { p, args, _, _ in Array((p as! Listing).reviews.prefix(first(args) ?? 3)) },
            ],
            "Provider": [
                "id": { p, _, _, _ in (p as! Provider).id },
                "name": { p, _, _, _ in (p as! Provider).name },
                "rating": { p, _, _, _ in (p as! Provider).rating },
            ],
            "Review": [
                "rating": { p, _, _, _ in (p as! Review).rating },
                "body": { p, _, _, _ in (p as! Review).body },
            ],
        ]
        for (typeName, fieldResolvers) in resolvers {
            guard let type = schema.getType(name: typeName) as? GraphQL.GraphQLObjectType else {
                throw ResponseErrors(description: "GraphQLSwift schema has no object type \(typeName)")
            }
            // buildSchema's `fields` closure makes new GraphQLField objects on each call:
            // take one map, set the resolvers on it, and make it the type's fields.
            let fields = try type.fields()
            for (fieldName, resolve) in fieldResolvers {
                guard let field = fields[fieldName] else {
                    throw ResponseErrors(description: "GraphQLSwift schema has no field \(typeName).\(fieldName)")
                }
                field.resolve = resolve
            }
            type.fields = { fields }
        }
        return schema
    }

    /// GraphQLSwift's response JSON (`GraphQLJSONEncoder`, what its
    /// `GraphQLResult.description` uses); throws when it has errors.
    static func graphQLSwiftJSON(_ result: GraphQL.GraphQLResult) throws -> [UInt8] {
        let json = try GraphQL.GraphQLJSONEncoder().encode(result)
        guard result.errors.isEmpty else {
            throw ResponseErrors(description: String(decoding: json, as: UTF8.self))
        }
        return [UInt8](json)
    }

    /// The check of GraphQLSwift's response: its JSON byte count.
    static func graphQLSwiftCheck(_ result: GraphQL.GraphQLResult) throws -> Int {
        let json = try GraphQL.GraphQLJSONEncoder().encode(result)
        guard result.errors.isEmpty else {
            throw ResponseErrors(description: String(decoding: json, as: UTF8.self))
        }
        return json.count
    }
}
