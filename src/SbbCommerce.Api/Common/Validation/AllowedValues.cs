using FluentValidation.Validators;

namespace SbbCommerce.Api.Common.Validation;

/// <summary>A rule that accepts only some strings; the OpenAPI document lists them as the field's <c>enum</c>.</summary>
internal interface IAllowedValuesValidator
{
    IReadOnlyList<string> AllowedValues { get; }
}

internal sealed class AllowedValuesValidator<T>(IReadOnlyList<string> allowed) : PropertyValidator<T, string?>, IAllowedValuesValidator
{
    public IReadOnlyList<string> AllowedValues => allowed;

    public override string Name => "AllowedValuesValidator";

    /// <summary>Null is the business of NotNull/NotEmpty: an optional field may be absent.</summary>
    public override bool IsValid(ValidationContext<T> context, string? value) => value is null || allowed.Contains(value, StringComparer.Ordinal);

    protected override string GetDefaultMessageTemplate(string errorCode) =>
        "{PropertyName} is one of: " + string.Join(", ", allowed) + ".";
}

internal static class AllowedValuesExtensions
{
    /// <summary>The value is one of <paramref name="allowed"/> (or null); documented as an enum.</summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, params IReadOnlyList<string> allowed) =>
        rule.SetValidator(new AllowedValuesValidator<T>(allowed));
}
