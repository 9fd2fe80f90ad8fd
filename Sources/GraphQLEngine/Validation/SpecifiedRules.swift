// graphql-js `validation/specifiedRules` (16.11): the rules of the GraphQL
// specification's "Validation" section, in graphql-js's order (errors come out in
// walk order, and for one node in this order).

/// The rules `validate` runs by default (graphql-js `specifiedRules`).
public let specifiedRules: [ValidationRule] = [
    ValidationRule { ExecutableDefinitionsRule(context: $0) },
    ValidationRule { UniqueOperationNamesRule(context: $0) },
    ValidationRule { LoneAnonymousOperationRule(context: $0) },
    ValidationRule { SingleFieldSubscriptionsRule(context: $0) },
    ValidationRule { KnownTypeNamesRule(context: $0) },
    ValidationRule { FragmentsOnCompositeTypesRule(context: $0) },
    ValidationRule { VariablesAreInputTypesRule(context: $0) },
    ValidationRule { ScalarLeafsRule(context: $0) },
    ValidationRule { FieldsOnCorrectTypeRule(context: $0) },
    ValidationRule { UniqueFragmentNamesRule(context: $0) },
    ValidationRule { KnownFragmentNamesRule(context: $0) },
    ValidationRule { NoUnusedFragmentsRule(context: $0) },
    ValidationRule { PossibleFragmentSpreadsRule(context: $0) },
    ValidationRule { NoFragmentCyclesRule(context: $0) },
    ValidationRule { UniqueVariableNamesRule(context: $0) },
    ValidationRule { NoUndefinedVariablesRule(context: $0) },
    ValidationRule { NoUnusedVariablesRule(context: $0) },
    ValidationRule { KnownDirectivesRule(context: $0) },
    ValidationRule { UniqueDirectivesPerLocationRule(context: $0) },
    ValidationRule { KnownArgumentNamesRule(context: $0) },
    ValidationRule { UniqueArgumentNamesRule(context: $0) },
    ValidationRule { ValuesOfCorrectTypeRule(context: $0) },
    ValidationRule { ProvidedRequiredArgumentsRule(context: $0) },
    ValidationRule { VariablesInAllowedPositionRule(context: $0) },
    ValidationRule { OverlappingFieldsCanBeMergedRule(context: $0) },
    ValidationRule { UniqueInputFieldNamesRule(context: $0) },
    ValidationRule { MaxIntrospectionDepthRule(context: $0) },
]
