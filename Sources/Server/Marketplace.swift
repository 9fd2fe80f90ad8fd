import ArgumentParser

@main
struct Marketplace: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marketplace",
        abstract: "A schema-first GraphQL server for online marketplaces.",
        subcommands: [ServeCommand.self, MigrateCommand.self, SeedCommand.self, SchemaCommand.self, AdminCommand.self])
}
