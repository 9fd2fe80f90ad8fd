import ArgumentParser
import Foundation
import GraphQLEngine
import Resolvers

/// `marketplace schema print|check`: the schema as graphql-js prints it, and the
/// start-up check (SDL and resolvers) without starting the server.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print or check schema.graphql.",
        subcommands: [Print.self, Check.self])

    struct Options: ParsableArguments {
        @Option(name: .long, help: "The schema file (default: SCHEMA_PATH, or schema.graphql in the working directory).")
        var schema: String?

        var path: String {
            schema ?? ProcessInfo.processInfo.environment["SCHEMA_PATH"] ?? "schema.graphql"
        }
    }

    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the schema as graphql-js's printSchema prints it.")
        @OptionGroup var options: Options

        func run() throws {
            let text = try String(contentsOfFile: options.path, encoding: .utf8)
            let (schema, errors) = buildSchemaReportingErrors(Source(body: text, name: options.path))
            guard let schema, errors.isEmpty else { throw SchemaProblems(errors.map { describe($0, options.path) }) }
            print(printSchema(schema))
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the schema with the marketplace's resolvers and report every problem.")
        @OptionGroup var options: Options

        func run() throws {
            _ = try loadMarketplaceSchema(path: options.path)
            print("\(options.path): ok")
        }
    }
}

/// The marketplace schema bound to its resolvers, or every problem in one error.
func loadMarketplaceSchema(path: String) throws -> ExecutableSchema {
    let text: String
    do {
        text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
        throw SchemaProblems(["\(path): cannot read the schema file (\(error.localizedDescription))."])
    }
    let (_, errors) = buildSchemaReportingErrors(Source(body: text, name: path))
    if !errors.isEmpty { throw SchemaProblems(errors.map { describe($0, path) }) }
    do {
        return try MarketplaceSchema.load(path: path)
    } catch let error as SchemaBindingError {
        throw SchemaProblems(["\(path): the resolvers do not match the schema:", String(describing: error)])
    }
}

private func describe(_ error: GraphQLError, _ path: String) -> String {
    let at = error.locations.first.map { ":\($0.line):\($0.column)" } ?? ""
    return "\(path)\(at): \(error.message)"
}

/// Problems that stop start-up, printed one per line.
struct SchemaProblems: Error, CustomStringConvertible {
    let lines: [String]
    init(_ lines: [String]) { self.lines = lines }
    var description: String { lines.joined(separator: "\n") }
}
