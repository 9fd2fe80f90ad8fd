// Default resolvers: a field without a registered resolver reads the parent's stored property
// of the field's name. The property is found once, at bind time, through the standard
// library's reflection SPI; each call then reads it directly (a key path for structs, the
// field offset for classes) with no `Mirror`.

@_spi(Reflection) import Swift

/// `_EachFieldOptions.classType` / `.ignoreUnknown`: the SPI exposes them as `static var`s,
/// which strict concurrency rejects, so they are rebuilt from their (ABI-fixed) raw values.
private let eachFieldOfClass = _EachFieldOptions(rawValue: 1 << 0)
private let eachFieldIgnoringUnknown = _EachFieldOptions(rawValue: 1 << 1)

extension StoredProperty {
    /// The stored properties of a struct. Properties key paths cannot reach (weak
    /// references, function values) are left out rather than failing the whole type.
    static func ofStruct<Root>(_ rootType: Root.Type) -> [String: StoredProperty] {
        var properties: [String: StoredProperty] = [:]
        _ = _forEachFieldWithKeyPath(of: Root.self, options: eachFieldIgnoringUnknown) { name, keyPath in
            properties[String(cString: name)] = keyPathProperty(keyPath, type(of: keyPath).valueType)
            return true
        }
        return properties
    }

    /// The stored properties of a class and its superclasses. The SPI makes no key paths for
    /// classes, so they are read at their field offsets; properties that may hold references
    /// could be `weak` or `unowned` (a different storage, which reflection does not reveal),
    /// so those are read through `Mirror`, which knows.
    static func ofClass<Root>(_ rootType: Root.Type) -> [String: StoredProperty] {
        var properties: [String: StoredProperty] = [:]
        _ = _forEachField(of: Root.self, options: eachFieldOfClass) { name, offset, fieldType, _ in
            let key = String(cString: name)
            properties[key] =
                SwiftType.mayHoldReference(fieldType)
                ? mirrorProperty(Root.self, key, fieldType) : offsetProperty(Root.self, offset, fieldType)
            return true
        }
        return properties
    }

    private static func keyPathProperty<Root>(_ keyPath: PartialKeyPath<Root>, _ valueType: Any.Type) -> StoredProperty
    {
        func typed<Value>(_: Value.Type) -> StoredProperty {
            guard let path = keyPath as? KeyPath<Root, Value> else { return untypedProperty(keyPath, valueType) }
            let access = KeyPathAccess(path)
            return StoredProperty(
                typeName: String(describing: Value.self), cases: { ResultConversion.enumCases(of: Value.self) }
            ) { site in
                let convert = ResultConversion.converter(for: Value.self, fieldType: site.field.type)
                let coordinate = site.coordinate
                return { parent, _, _, _ in
                    guard let root = parent as? Root else {
                        throw ResolverCasts.parentMismatch(coordinate, parent, Root.self)
                    }
                    return convert(root[keyPath: access.path])
                }
            }
        }
        return typed(valueType)
    }

    /// Never expected (the key path's value type is the one its metadata reports); kept so
    /// that a surprise costs speed rather than a crash.
    private static func untypedProperty<Root>(_ keyPath: PartialKeyPath<Root>, _ valueType: Any.Type) -> StoredProperty
    {
        let access = KeyPathAccess(keyPath)
        return StoredProperty(typeName: String(describing: valueType), cases: { nil }) { site in
            let coordinate = site.coordinate
            return { parent, _, _, _ in
                guard let root = parent as? Root else {
                    throw ResolverCasts.parentMismatch(coordinate, parent, Root.self)
                }
                return root[keyPath: access.path]
            }
        }
    }

    private static func offsetProperty<Root>(_ rootType: Root.Type, _ offset: Int, _ valueType: Any.Type)
        -> StoredProperty
    {
        func typed<Value>(_: Value.Type) -> StoredProperty {
            StoredProperty(
                typeName: String(describing: Value.self), cases: { ResultConversion.enumCases(of: Value.self) }
            ) { site in
                let convert = ResultConversion.converter(for: Value.self, fieldType: site.field.type)
                let coordinate = site.coordinate
                return { parent, _, _, _ in
                    guard let root = parent as? Root else {
                        throw ResolverCasts.parentMismatch(coordinate, parent, Root.self)
                    }
                    let object = root as AnyObject
                    // A strong, initialized stored property of type Value lives at this offset
                    // of the instance for as long as the instance does.
                    let value = withExtendedLifetime(object) {
                        UnsafeRawPointer(Unmanaged.passUnretained(object).toOpaque())
                            .load(fromByteOffset: offset, as: Value.self)
                    }
                    return convert(value)
                }
            }
        }
        return typed(valueType)
    }

    private static func mirrorProperty<Root>(_ rootType: Root.Type, _ name: String, _ valueType: Any.Type)
        -> StoredProperty
    {
        func typed<Value>(_: Value.Type) -> StoredProperty {
            StoredProperty(
                typeName: String(describing: Value.self), cases: { ResultConversion.enumCases(of: Value.self) }
            ) { site in
                let convert = ResultConversion.converter(for: Value.self, fieldType: site.field.type)
                let coordinate = site.coordinate
                return { parent, _, _, _ in
                    guard let root = parent as? Root else {
                        throw ResolverCasts.parentMismatch(coordinate, parent, Root.self)
                    }
                    var mirror: Mirror? = Mirror(reflecting: root)
                    while let current = mirror {
                        for child in current.children where child.label == name {
                            guard let value = child.value as? Value else { return child.value }
                            return convert(value)
                        }
                        mirror = current.superclassMirror
                    }
                    return nil
                }
            }
        }
        return typed(valueType)
    }
}

/// A key path held by a `@Sendable` resolver.
private struct KeyPathAccess<Path: AnyKeyPath>: @unchecked Sendable {
    // @unchecked: key paths are immutable values; the standard library does not declare
    // the stored-property key paths it builds for reflection `Sendable`.
    let path: Path
    init(_ path: Path) { self.path = path }
}
