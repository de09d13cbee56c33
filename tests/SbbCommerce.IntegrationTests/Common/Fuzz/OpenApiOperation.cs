namespace SbbCommerce.IntegrationTests.Common.Fuzz;

/// <summary>One operation of the host's OpenAPI document, with what the fuzz suite needs to call it.</summary>
internal sealed record OpenApiOperation(
    string Method,
    string PathTemplate,
    bool RequiresToken,
    IReadOnlyList<OpenApiParameter> Parameters,
    JsonElement? JsonBody,
    JsonElement? FormBody)
{
    public string Name => $"{Method} {PathTemplate}";

    public bool IsAdmin => PathTemplate.StartsWith("/api/v1/admin/", StringComparison.Ordinal);

    /// <summary>Every operation of the document (parameters and bodies with $refs left to <see cref="OpenApiSamples"/>).</summary>
    public static IReadOnlyList<OpenApiOperation> AllOf(JsonElement document)
    {
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => new OpenApiParameter(
                        p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var schema) ? schema : default)).ToList()
                    : [];
                JsonElement? json = null;
                JsonElement? form = null;
                if (operation.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                {
                    foreach (var media in content.EnumerateObject())
                    {
                        if (media.Name.Contains("json", StringComparison.Ordinal) && media.Value.TryGetProperty("schema", out var jsonSchema))
                        {
                            json ??= jsonSchema;
                        }
                        else if (media.Name.StartsWith("multipart/", StringComparison.Ordinal) && media.Value.TryGetProperty("schema", out var formSchema))
                        {
                            form ??= formSchema;
                        }
                    }
                }

                // An empty requirement ({}) among the alternatives makes the token optional (cart routes).
                var requiresToken = operation.Value.TryGetProperty("security", out var security) && security.GetArrayLength() > 0
                    && security.EnumerateArray().All(requirement => requirement.EnumerateObject().Any());
                operations.Add(new OpenApiOperation(operation.Name.ToUpperInvariant(), path.Name, requiresToken, parameters, json, form));
            }
        }

        return operations;
    }
}

/// <summary>A path or query parameter.</summary>
internal sealed record OpenApiParameter(string Name, string In, JsonElement Schema);
