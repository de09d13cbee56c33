using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

namespace SbbCommerce.Api.Common.OpenApi;

/// <summary>
/// Writes the document, then settles two things the object model cannot say: a public operation's
/// <c>security: []</c> (an empty list is otherwise left out, and Redocly wants every operation to say how it is
/// secured), and that a schema only ever answered is complete: the host writes every member of a response, null
/// ones included, so there every property is required (a nullable one as <c>T | null</c>, not optional).
/// </summary>
internal sealed class SwaggerDocumentSerializer : ISwaggerDocumentSerializer
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public void SerializeDocument(OpenApiDocument document, IOpenApiWriter writer, OpenApiSpecVersion specVersion)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(writer);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var inner = new OpenApiJsonWriter(text);
        switch (specVersion)
        {
            case OpenApiSpecVersion.OpenApi3_1:
                document.SerializeAsV31(inner);
                break;
            default:
                document.SerializeAsV3(inner);
                break;
        }

        text.Flush();
        var root = JsonNode.Parse(text.ToString())!.AsObject();
        Patch(root);
        writer.WriteRaw(root.ToJsonString());
    }

    internal static void Patch(JsonObject root)
    {
        var requested = new HashSet<string>(StringComparer.Ordinal);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        var schemas = root["components"]?["schemas"] as JsonObject;
        foreach (var (_, pathItem) in root["paths"]?.AsObject() ?? [])
        {
            foreach (var method in Methods)
            {
                if (pathItem?[method] is not JsonObject operation)
                {
                    continue;
                }

                if (operation["security"] is null)
                {
                    operation["security"] = new JsonArray();
                }

                Collect(operation["requestBody"], schemas, requested);
                Collect(operation["parameters"], schemas, requested);
                Collect(operation["responses"], schemas, answered);
            }
        }

        answered.Remove(ProblemResponsesOperationFilter.ProblemSchema); // its members are optional by RFC 9457
        foreach (var name in answered.Except(requested))
        {
            if (schemas?[name] is JsonObject schema && schema["properties"] is JsonObject properties)
            {
                schema["required"] = new JsonArray([.. properties.Select(p => (JsonNode)JsonValue.Create(p.Key)).OrderBy(n => n.GetValue<string>(), StringComparer.Ordinal)]);
            }
        }
    }

    /// <summary>Every component schema reachable from <paramref name="node"/>, following $refs.</summary>
    private static void Collect(JsonNode? node, JsonObject? schemas, HashSet<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value?.GetValue<string>() is { } reference
                        && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        var name = reference["#/components/schemas/".Length..];
                        if (found.Add(name))
                        {
                            Collect(schemas?[name], schemas, found);
                        }
                    }
                    else
                    {
                        Collect(value, schemas, found);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, schemas, found);
                }

                break;
        }
    }
}
