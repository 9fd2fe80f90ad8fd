// The entry points of binding: a schema (from SDL, with the bound scalars installed) and its
// resolvers checked and put together into an `ExecutableSchema`.

extension ExecutableSchema {
    /// Builds the schema that `sdl` defines, with the custom scalars of `resolvers`, and binds
    /// `resolvers` to it (see `init(binding:resolvers:)` for a built schema).
    /// - Throws: `SchemaError` when the SDL is not a valid schema; `SchemaBindingError`
    ///   listing every problem between the schema and the resolvers.
    public convenience init<Context>(binding sdl: String, resolvers: SchemaResolvers<Context>) throws {
        try self.init(binding: Source(body: sdl, name: "schema"), resolvers: resolvers)
    }

    /// Builds the schema of an SDL source (`schema.graphql`), with the custom scalars of
    /// `resolvers`, and binds `resolvers` to it.
    public convenience init<Context>(binding source: Source, resolvers: SchemaResolvers<Context>) throws {
        let schema = try buildSchema(source, options: resolvers.buildOptions)
        let errors = validateSchema(schema)
        if !errors.isEmpty { throw SchemaError(errors) }
        try self.init(binding: schema, resolvers: resolvers)
    }

    /// Binds `resolvers` to a built schema: every field of every object type must have a
    /// resolver or a stored property to read, every registration must name something of the
    /// schema, every custom scalar must be bound (or accepted as pass-through) and the possible
    /// types of interfaces and unions must have Swift types (or a type resolver).
    ///
    /// The schema's scalars are used as they are: build it with `resolvers.buildOptions` for
    /// the bound scalars to be in it (binding SDL does this).
    /// - Throws: `SchemaBindingError` listing every problem.
    public convenience init<Context>(binding schema: GraphQLSchema, resolvers: SchemaResolvers<Context>) throws {
        var binder = SchemaBinder(schema: schema, registrations: resolvers.registrations)
        let bound = try binder.bind()
        self.init(
            schema: schema, resolvers: bound.resolvers, subscribers: bound.subscribers,
            typeResolvers: bound.typeResolvers)
    }
}
