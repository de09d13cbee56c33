using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SbbCommerce.Api.Common.OpenApi;

/// <summary>
/// The <c>limit</c> and <c>cursor</c> query parameters of every list, as <see cref="PageRequest"/> reads them, and the
/// values of a filter marked with <see cref="SchemaValuesAttribute"/>.
/// </summary>
internal sealed class PagingParametersFilter : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        if (parameter is not OpenApiParameter { In: ParameterLocation.Query } concrete || concrete.Schema is not OpenApiSchema schema)
        {
            return;
        }

        if (context.ParameterInfo?.GetCustomAttributes(typeof(SchemaValuesAttribute), false).FirstOrDefault() is SchemaValuesAttribute values)
        {
            schema.Enum = [.. values.Values().Select(value => (System.Text.Json.Nodes.JsonNode)value)];
        }

        switch (concrete.Name)
        {
            case "limit" when schema.Type is { } type && type.HasFlag(JsonSchemaType.Integer):
                schema.Minimum = "1";
                schema.Maximum = PageRequest.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                schema.Default = PageRequest.DefaultLimit;
                concrete.Description ??= $"Items per page, {1}-{PageRequest.MaxLimit} (default {PageRequest.DefaultLimit}); larger values are clamped.";
                break;
            case "cursor":
                concrete.Description ??= "The nextCursor of the previous page (opaque); a cursor this list did not issue is 400 invalid_cursor.";
                break;
        }
    }
}
