using System.Text.Json.Nodes;

namespace SbbCommerce.IntegrationTests.Common.Fuzz;

/// <summary>Plausible values for a schema of the document (resolving $refs), the starting point each hostile value replaces.</summary>
internal sealed class OpenApiSamples(JsonElement document)
{
    private const int MaxDepth = 4;

    public JsonElement Resolve(JsonElement schema)
    {
        for (var hops = 0; hops < 10 && schema.ValueKind == JsonValueKind.Object; hops++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = Lookup(reference.GetString()!);
            }
            else if (FirstOf(schema, "allOf") is { } all)
            {
                schema = all;
            }
            else if (FirstOf(schema, "oneOf") is { } one)
            {
                schema = one;
            }
            else if (FirstOf(schema, "anyOf") is { } any)
            {
                schema = any;
            }
            else
            {
                break;
            }
        }

        return schema;
    }

    /// <summary>The properties of an object schema (none for other schemas).</summary>
    public IReadOnlyList<(string Name, JsonElement Schema)> PropertiesOf(JsonElement schema)
    {
        schema = Resolve(schema);
        return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => (p.Name, p.Value)).ToList()
            : [];
    }

    public JsonNode? Sample(JsonElement schema, int depth = 0)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth)
        {
            return null;
        }

        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[0].GetRawText());
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return TypeOf(schema) switch
        {
            "string" => format switch
            {
                "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
                "date-time" => JsonValue.Create("2026-11-30T12:00:00Z"),
                "date" => JsonValue.Create("1990-01-01"),
                "email" => JsonValue.Create("fuzz@example.test"),
                _ => JsonValue.Create("fuzz"),
            },
            "integer" or "number" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(false),
            "array" => schema.TryGetProperty("items", out var items) && Sample(items, depth + 1) is { } item ? new JsonArray(item) : new JsonArray(),
            _ => SampleObject(schema, depth),
        };
    }

    /// <summary>The type of a schema, whether written as "string" or, in OpenAPI 3.1, as ["string", "null"].</summary>
    public static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }

    private JsonObject SampleObject(JsonElement schema, int depth)
    {
        var sample = new JsonObject();
        foreach (var (name, property) in PropertiesOf(schema))
        {
            sample[name] = Sample(property, depth + 1);
        }

        return sample;
    }

    private JsonElement Lookup(string reference)
    {
        var node = document;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
        {
            node = node.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return node;
    }

    private static JsonElement? FirstOf(JsonElement schema, string combinator) =>
        schema.TryGetProperty(combinator, out var list) && list.GetArrayLength() > 0
            ? list.EnumerateArray().FirstOrDefault(s => !(s.TryGetProperty("type", out var t) && t.GetString() == "null"))
            : null;
}
