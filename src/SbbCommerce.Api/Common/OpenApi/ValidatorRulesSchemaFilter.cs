using System.Text.Json.Nodes;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SbbCommerce.Api.Common.OpenApi;

/// <summary>
/// A request schema carries its FluentValidation rules (read from the validator's rule descriptors, never
/// restated): not empty is required (and at least one character or item), lengths, ranges, patterns, email
/// format and allowed values. A rule with a condition (<c>When</c>) holds only sometimes and is left out.
/// </summary>
internal sealed class ValidatorRulesSchemaFilter(IServiceProvider services) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 } properties
            || services.GetService(typeof(IValidator<>).MakeGenericType(context.Type)) is not IValidator validator)
        {
            return;
        }

        var descriptor = validator.CreateDescriptor();
        foreach (var member in descriptor.GetMembersWithValidators())
        {
            // A rule on the whole request (RuleFor(r => r)) names no member.
            if (string.IsNullOrEmpty(member.Key))
            {
                continue;
            }

            var name = JsonNamingPolicy.CamelCase.ConvertName(member.Key);
            if (!properties.TryGetValue(name, out var property) || property is not OpenApiSchema target)
            {
                continue;
            }

            foreach (var rule in descriptor.GetRulesForMember(member.Key))
            {
                foreach (var component in rule.Components.Where(c => !c.HasCondition && !c.HasAsyncCondition))
                {
                    Describe(concrete, name, target, component.Validator);
                }
            }
        }
    }

    private static void Describe(OpenApiSchema owner, string name, OpenApiSchema property, IPropertyValidator rule)
    {
        var isArray = property.Type is { } type && type.HasFlag(JsonSchemaType.Array);
        var isString = property.Type is { } t && t.HasFlag(JsonSchemaType.String);
        switch (rule)
        {
            case INotNullValidator:
                Require(owner, name);
                break;
            case INotEmptyValidator:
                Require(owner, name);
                if (isString && property.Format is null)
                {
                    property.MinLength ??= 1;
                }
                else if (isArray)
                {
                    property.MinItems ??= 1;
                }

                break;
            case ILengthValidator length when isString:
                property.MinLength = Math.Max(property.MinLength ?? 0, length.Min) is var min && min > 0 ? min : property.MinLength;
                if (length.Max > 0)
                {
                    property.MaxLength = Math.Min(property.MaxLength ?? int.MaxValue, length.Max);
                }

                break;
            case IBetweenValidator between:
                property.Minimum = Number(between.From);
                property.Maximum = Number(between.To);
                if (rule.Name == "ExclusiveBetweenValidator")
                {
                    property.ExclusiveMinimum = property.Minimum;
                    property.ExclusiveMaximum = property.Maximum;
                    property.Minimum = null;
                    property.Maximum = null;
                }

                break;
            case IComparisonValidator { ValueToCompare: { } value } comparison when Number(value) is { } bound:
                switch (comparison.Comparison)
                {
                    case Comparison.GreaterThanOrEqual:
                        property.Minimum = bound;
                        break;
                    case Comparison.GreaterThan:
                        property.ExclusiveMinimum = bound;
                        break;
                    case Comparison.LessThanOrEqual:
                        property.Maximum = bound;
                        break;
                    case Comparison.LessThan:
                        property.ExclusiveMaximum = bound;
                        break;
                }

                break;
            case IRegularExpressionValidator pattern:
                property.Pattern ??= pattern.Expression;
                break;
            case IEmailValidator when isString:
                property.Format ??= "email";
                break;
            case IAllowedValuesValidator allowed:
                property.Enum = [.. allowed.AllowedValues.Select(value => (JsonNode)JsonValue.Create(value))];
                break;
        }
    }

    private static void Require(OpenApiSchema owner, string name)
    {
        owner.Required ??= new SortedSet<string>(StringComparer.Ordinal);
        owner.Required.Add(name);
    }

    private static string? Number(object? value) => value switch
    {
        int or long or short or byte or decimal or double or float =>
            Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => null,
    };
}
