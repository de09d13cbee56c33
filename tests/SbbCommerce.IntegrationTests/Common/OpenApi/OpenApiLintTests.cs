using System.Text.RegularExpressions;

namespace SbbCommerce.IntegrationTests.Common.OpenApi;

/// <summary>
/// What Redocly's recommended ruleset flags most, checked here because CI has no Node: operation ids, summaries,
/// a success answer, security on every operation, declared path parameters, defined tags, servers, resolvable and
/// used $refs, and schema names a code generator can turn into type names.
/// </summary>
public sealed partial class OpenApiLintTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    [Fact]
    public async Task Given_the_served_document_When_linted_Then_it_breaks_none_of_the_recommended_rules()
    {
        var document = await OpenApiDocument.ServedAsync(fixture);
        var raw = document.GetRawText();
        var problems = new List<string>();

        if (!document.TryGetProperty("servers", out var servers) || servers.GetArrayLength() == 0)
        {
            problems.Add("no servers (no-empty-servers)");
        }

        var tags = document.TryGetProperty("tags", out var declared)
            ? declared.EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.TryGetProperty("description", out var d) ? d.GetString() : null)
            : [];
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        var templates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (!templates.Add(Parameter().Replace(path.Name, "{}")))
            {
                problems.Add($"{path.Name}: another path differs only in parameter names (no-identical-paths)");
            }

            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                Lint(name, path.Name, operation.Value, tags, operationIds, problems);
            }
        }

        foreach (var (tag, description) in tags)
        {
            if (string.IsNullOrWhiteSpace(description))
            {
                problems.Add($"tag {tag} has no description (tag-description)");
            }
        }

        var schemas = document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        foreach (var schema in schemas)
        {
            if (!SchemaName().IsMatch(schema))
            {
                problems.Add($"schema name `{schema}` is not ^[A-Za-z0-9_]+$");
            }

            if (!raw.Contains($"\"#/components/schemas/{schema}\"", StringComparison.Ordinal))
            {
                problems.Add($"schema {schema} is never used (no-unused-components)");
            }
        }

        foreach (Match reference in Reference().Matches(raw))
        {
            var target = reference.Groups[1].Value.Split('/');
            if (!document.TryGetProperty(target[1], out var section) || !section.TryGetProperty(target[2], out var kind) || !kind.TryGetProperty(target[3], out _))
            {
                problems.Add($"$ref {reference.Groups[1].Value} does not resolve (no-unresolved-refs)");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Distinct()));
    }

    private static void Lint(string name, string path, JsonElement operation, Dictionary<string, string?> tags, HashSet<string> operationIds, List<string> problems)
    {
        if (!operation.TryGetProperty("operationId", out var id) || string.IsNullOrWhiteSpace(id.GetString()))
        {
            problems.Add($"{name}: no operationId (operation-operationId)");
        }
        else if (!operationIds.Add(id.GetString()!))
        {
            problems.Add($"{name}: operationId {id.GetString()} is used twice (operation-operationId-unique)");
        }

        if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
        {
            problems.Add($"{name}: no summary (operation-summary)");
        }

        var statuses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        if (!statuses.Any(s => s.StartsWith('2') || s.StartsWith('3')))
        {
            problems.Add($"{name}: no 2xx answer (operation-2xx-response)");
        }

        if (!statuses.Any(s => s.StartsWith('4')))
        {
            problems.Add($"{name}: no 4xx answer (operation-4xx-response)");
        }

        if (!operation.TryGetProperty("security", out _))
        {
            problems.Add($"{name}: security not defined (security-defined)");
        }

        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        foreach (Match parameter in Parameter().Matches(path))
        {
            var declaredName = parameter.Value.Trim('{', '}');
            if (!parameters.Any(p => p.GetProperty("in").GetString() == "path" && p.GetProperty("name").GetString() == declaredName))
            {
                problems.Add($"{name}: path parameter {declaredName} is not declared (path-parameters-defined)");
            }
        }

        if (parameters.GroupBy(p => (p.GetProperty("in").GetString(), p.GetProperty("name").GetString())).Any(g => g.Count() > 1))
        {
            problems.Add($"{name}: a parameter is declared twice (operation-parameters-unique)");
        }

        foreach (var tag in operation.TryGetProperty("tags", out var used) ? used.EnumerateArray().Select(t => t.GetString()!) : [])
        {
            if (!tags.ContainsKey(tag))
            {
                problems.Add($"{name}: tag {tag} is not declared (operation-tag-defined)");
            }
        }

        foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
        {
            var problem = response.Value.TryGetProperty("content", out var content)
                && content.TryGetProperty("application/problem+json", out var media)
                && media.GetProperty("schema").GetProperty("$ref").GetString() == "#/components/schemas/Problem";
            if (!problem)
            {
                problems.Add($"{name}: {response.Name} is not the Problem schema");
            }
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex SchemaName();

    [GeneratedRegex("\"\\$ref\":\\s*\"(#/[^\"]+)\"")]
    private static partial Regex Reference();
}
