namespace SbbCommerce.Api.Common.OpenApi;

/// <summary>
/// Short, stable schema names: they become the type names of every generated client (<c>OrderResponse</c>,
/// <c>ProductPage</c>), so no namespaces, no assembly versions and no generic backticks. Two types with one short
/// name make Swashbuckle fail at startup, which a test sees at once.
/// </summary>
internal static class SchemaNames
{
    private const string ResponseSuffix = "Response";

    public static string Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PagedResponse<>))
        {
            var item = Of(type.GetGenericArguments()[0]);
            return (item.EndsWith(ResponseSuffix, StringComparison.Ordinal) ? item[..^ResponseSuffix.Length] : item) + "Page";
        }

        if (type.IsGenericType)
        {
            var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
            return name + "Of" + string.Concat(type.GetGenericArguments().Select(Of));
        }

        return type.Name switch
        {
            // The framework's problem types are replaced by the one Problem schema of the document.
            "ProblemDetails" or "HttpValidationProblemDetails" => "Framework" + type.Name,
            _ => type.Name,
        };
    }
}
