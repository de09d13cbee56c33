using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SbbCommerce.Api.Common.OpenApi;

/// <summary>
/// Required and nullable as the code behaves: a property whose C# type is not nullable (a value type, or a
/// reference type without <c>?</c>) is always written in a response and must be sent in a request, unless its
/// record parameter has a default; a nullable one may be null. Request schemas do not forbid unknown members:
/// the contract ignores them, so <c>additionalProperties: false</c> would make clients stricter than the server.
/// </summary>
internal sealed class RequiredPropertiesSchemaFilter : ISchemaFilter
{
    private readonly NullabilityInfoContext _nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 } properties || context.Type.IsPrimitive)
        {
            return;
        }

        concrete.AdditionalPropertiesAllowed = true;
        var members = MembersByJsonName(context.Type);
        var defaults = ParametersWithDefaults(context.Type);
        foreach (var name in properties.Keys)
        {
            if (!members.TryGetValue(name, out var member))
            {
                continue;
            }

            if (member.GetCustomAttribute<SchemaValuesAttribute>() is { } values && properties[name] is OpenApiSchema valueSchema)
            {
                valueSchema.Enum = [.. values.Values().Select(value => (System.Text.Json.Nodes.JsonNode)value)];
                if (IsNullable(member))
                {
                    valueSchema.Enum.Add(null!); // JSON Schema: a nullable enum lists null among its values
                }
            }

            if (IsNullable(member))
            {
                concrete.Required?.Remove(name);
                if (properties[name] is OpenApiSchemaReference reference)
                {
                    // A $ref cannot say null by itself: `T | null` is anyOf the reference and null.
                    properties[name] = new OpenApiSchema
                    {
                        Description = reference.Description,
                        AnyOf = [new OpenApiSchemaReference(reference.Reference.Id!, reference.Reference.HostDocument), new OpenApiSchema { Type = JsonSchemaType.Null }],
                    };
                }
            }
            else if (!defaults.Contains(member.Name))
            {
                concrete.Required ??= new SortedSet<string>(StringComparer.Ordinal);
                concrete.Required.Add(name);
            }
        }
    }

    private bool IsNullable(PropertyInfo property)
    {
        if (property.PropertyType.IsValueType)
        {
            return Nullable.GetUnderlyingType(property.PropertyType) is not null;
        }

        return _nullability.Create(property).ReadState != NullabilityState.NotNull;
    }

    private static Dictionary<string, PropertyInfo> MembersByJsonName(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0 && property.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .GroupBy(property => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name),
                StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);

    /// <summary>Record parameters with a default value (<c>bool Restock = false</c>): optional in a request.</summary>
    private static HashSet<string> ParametersWithDefaults(Type type) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(constructor => constructor.GetParameters())
            .Where(parameter => parameter.HasDefaultValue && parameter.Name is not null)
            .Select(parameter => char.ToUpperInvariant(parameter.Name![0]) + parameter.Name[1..])
            .ToHashSet(StringComparer.Ordinal);
}
