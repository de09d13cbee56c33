using System.Reflection;

namespace SbbCommerce.Api.Common.OpenApi;

/// <summary>
/// Documents a string field or query parameter as an enum of the values <paramref name="source"/> defines: an
/// enum's members as their snake_case labels (what the JSON carries), or a class's <c>const string</c> fields
/// (<c>DiscountTypes</c>), so the document lists the values the code uses and never a copy of them.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
internal sealed class SchemaValuesAttribute(Type source, params string[] extra) : Attribute
{
    public Type Source { get; } = source;

    /// <summary>Values answered but never stored (a cart's <c>empty</c>).</summary>
    public IReadOnlyList<string> Extra { get; } = extra;

    public IReadOnlyList<string> Values()
    {
        var values = Source.IsEnum
            ? Enum.GetNames(Source).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName)
            : Source.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => field is { IsLiteral: true } && field.FieldType == typeof(string))
                .Select(field => (string)field.GetRawConstantValue()!);
        return [.. values.Concat(Extra).Distinct(StringComparer.Ordinal)];
    }
}
