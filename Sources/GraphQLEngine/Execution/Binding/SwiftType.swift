// A Swift type as the binder sees it: its identity (to recognize values of abstract GraphQL
// types by their dynamic type), a name for messages, and its stored properties (to serve
// fields without resolvers). Captured generically at registration, so the binder needs no
// generic parameters.

@_spi(Reflection) import Swift

/// `swift_getMetadataKind`, the runtime's classification of a type's metadata. Reflection over
/// stored fields crashes on existentials (and means nothing for tuples or functions), so the
/// kind is checked first; the standard library keeps its own `_metadataKind` internal.
@_silgen_name("swift_getMetadataKind")
private func swiftMetadataKind(_ type: Any.Type) -> UInt

/// Values of the runtime's MetadataKind (swift/include/swift/ABI/MetadataKind.def), ABI-stable.
private enum MetadataKind {
    static let `class`: UInt = 0
    static let `struct`: UInt = 0x200
    static let `enum`: UInt = 0x201
    static let foreignClass: UInt = 0x203
    static let existential: UInt = 0x303
    static let objCClassWrapper: UInt = 0x305
}

/// A Swift type behind an object type.
struct SwiftType: Sendable {
    /// The kinds of type whose values the binder can recognize and read.
    enum Shape: Sendable {
        case structure, classType, enumeration
        /// Existentials, tuples (`Void`), functions, optionals, metatypes: no identity of
        /// their own and no stored properties to read.
        case other
    }

    let id: ObjectIdentifier
    /// The type's name as written in Swift (`MarketListing`, `Page<Listing>`).
    let name: String
    let shape: Shape
    /// Readers of the stored properties, by name; computed when called (once per bind).
    let storedProperties: @Sendable () -> [String: StoredProperty]

    static func of<T>(_ type: T.Type) -> SwiftType {
        let shape = Self.shape(of: type)
        return SwiftType(
            id: ObjectIdentifier(type), name: String(describing: type), shape: shape,
            storedProperties: {
                switch shape {
                case .structure: StoredProperty.ofStruct(T.self)
                case .classType: StoredProperty.ofClass(T.self)
                case .enumeration, .other: [:]
                }
            })
    }

    static func shape(of type: Any.Type) -> Shape {
        switch swiftMetadataKind(type) {
        case MetadataKind.class: .classType
        case MetadataKind.struct: .structure
        case MetadataKind.enum: .enumeration
        default: .other
        }
    }

    /// Whether a stored property of this type may hold a reference (a class instance or an
    /// existential, possibly optional): such a property may be `weak` or `unowned`, whose
    /// storage differs from a strong reference's, and reflection cannot tell which it is.
    static func mayHoldReference(_ type: Any.Type) -> Bool {
        if let optional = type as? any OptionalResult.Type { return mayHoldReference(optional.wrappedType) }
        switch swiftMetadataKind(type) {
        case MetadataKind.class, MetadataKind.foreignClass, MetadataKind.existential, MetadataKind.objCClassWrapper:
            return true
        default:
            return false
        }
    }

    /// Whether a value's dynamic type can be this type, so that it can represent an object
    /// type: `Void`, `Any`, protocol existentials and the like cannot.
    var isConcrete: Bool { shape != .other }
}

/// One stored property of a Swift type, readable as a field's default resolver.
struct StoredProperty: Sendable {
    /// The property's Swift type, for messages.
    let typeName: String
    /// The cases of the Swift enum the property holds, if it does.
    let cases: @Sendable () -> SwiftEnumCases?
    /// The `.sync` resolver reading the property of the parent, for one field.
    let reader: @Sendable (FieldSite) -> SyncFieldResolve
}
