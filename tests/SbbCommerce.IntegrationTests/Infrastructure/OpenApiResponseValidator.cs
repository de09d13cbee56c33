using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace SbbCommerce.IntegrationTests.Infrastructure;

/// <summary>
/// Sits in every test client (<see cref="ApiFixture.CreateClient"/>): each answer of a documented operation must be
/// one the committed OpenAPI document (docs/openapi.json) describes: a documented status, a JSON body valid against
/// that status's schema, and for a problem a <c>code</c> listed on that answer. A drift between code and document
/// throws here, so it fails the test that met it, whatever that test asserts.
/// </summary>
internal sealed partial class OpenApiResponseValidator : DelegatingHandler
{
    private static readonly Lazy<Contract> Document = new(Contract.Load);

    /// <summary>Answers any route may give before reaching its handler (no route matched the constraint, body limits, overload).</summary>
    private static readonly HashSet<int> MachineryStatuses = [404, 405, 413, 415, 429, 503];

    /// <summary>
    /// The database's last line of defence (a CHECK or a unique index refusing a write that slipped past validation),
    /// answered by the one exception handler on any write: checked against the Problem schema, not per route.
    /// </summary>
    private static readonly HashSet<string> BackstopCodes = ["constraint_violated", "concurrency_conflict"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri is { } uri && Document.Value.Find(request.Method.Method, uri.AbsolutePath) is { } operation)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (Document.Value.Check(operation, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body) is { } drift)
            {
                throw new OpenApiDriftException($"{request.Method} {uri.AbsolutePath} answered {(int)response.StatusCode}, which the " +
                    $"OpenAPI document does not describe: {drift}. Fix the code or its documentation (then regenerate docs/openapi.json).");
            }
        }

        return response;
    }

    private sealed record Operation(string Method, string Template, Regex Pattern, JsonObject Node, string Pointer);

    private sealed class Contract
    {
        private static readonly Uri BaseUri = new("https://sbbcommerce.test/openapi.json");
        private readonly List<Operation> _operations;
        private readonly EvaluationOptions _options;
        private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

        private Contract(JsonObject root)
        {
            _options = new EvaluationOptions { OutputFormat = OutputFormat.List, EvaluateAs = SpecVersion.Draft202012 };
            _options.SchemaRegistry.Register(BaseUri, new JsonNodeBaseDocument(root, BaseUri));
            _operations = [];
            foreach (var (path, item) in root["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject())
                {
                    if (operation is JsonObject node && node["responses"] is not null)
                    {
                        var pattern = new Regex("^" + Parameter().Replace(Regex.Escape(path).Replace("\\{", "{", StringComparison.Ordinal), "[^/]+") + "/?$",
                            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
                        _operations.Add(new Operation(method.ToUpperInvariant(), path, pattern, node,
                            "#/paths/" + path.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) + "/" + method));
                    }
                }
            }

            // A literal segment wins over a parameter (/payments/overpaid-orders before /payments/{id}).
            _operations = [.. _operations.OrderBy(o => o.Template.Count(c => c == '{')).ThenByDescending(o => o.Template.Length)];
        }

        public static Contract Load()
        {
            var path = Common.OpenApi.OpenApiDocument.CommittedPath;
            return new Contract(JsonNode.Parse(File.ReadAllText(path))!.AsObject());
        }

        public Operation? Find(string method, string path) =>
            _operations.FirstOrDefault(o => o.Method == method && o.Pattern.IsMatch(path));

        public string? Check(Operation operation, int status, string? mediaType, string body)
        {
            var responses = operation.Node["responses"]!.AsObject();
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var problemCode = status >= 400 && IsJson(mediaType) ? CodeOf(body) : null;
            if (problemCode is not null && BackstopCodes.Contains(problemCode))
            {
                return CheckBody("#/components/schemas/Problem", body);
            }

            if (!responses.ContainsKey(key))
            {
                if (!MachineryStatuses.Contains(status) && status < 500)
                {
                    return $"status {status} is not documented (documented: {string.Join(", ", responses.Select(r => r.Key))}); body {Shorten(body)}";
                }

                return status >= 400 && IsJson(mediaType) ? CheckBody("#/components/schemas/Problem", body) : null;
            }

            var response = responses[key]!.AsObject();
            if (string.IsNullOrEmpty(body) || !IsJson(mediaType))
            {
                return null;
            }

            var content = response["content"]?.AsObject();
            var documentedType = content?.Select(c => c.Key).FirstOrDefault(type => IsJson(type));
            if (documentedType is null)
            {
                return $"a {mediaType} body is not documented for {status}; body {Shorten(body)}";
            }

            var pointer = $"{operation.Pointer}/responses/{key}/content/{documentedType.Replace("/", "~1", StringComparison.Ordinal)}/schema";
            if (CheckBody(pointer, body) is { } invalid)
            {
                return invalid;
            }

            if (response["x-problem-codes"] is JsonArray codes && problemCode is { } code
                && !codes.Any(listed => listed?.GetValue<string>() == code))
            {
                return $"problem code `{code}` is not listed for {status} (listed: {string.Join(", ", codes)})";
            }

            return null;
        }

        private string? CheckBody(string pointer, string body)
        {
            JsonNode? instance;
            try
            {
                instance = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                return $"the body is not JSON: {Shorten(body)}";
            }

            var schema = _schemas.GetOrAdd(pointer, p => JsonSchema.FromText($$"""{ "$ref": "{{BaseUri}}{{p}}" }"""));
            var result = schema.Evaluate(instance, _options);
            if (result.IsValid)
            {
                return null;
            }

            var errors = (result.Details ?? []).Where(d => d.HasErrors)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ({d.EvaluationPath})"))
                .Take(8);
            return $"the body does not match {pointer}: {string.Join("; ", errors)}; body {Shorten(body)}";
        }

        private static string? CodeOf(string body)
        {
            try
            {
                return JsonNode.Parse(body) is JsonObject problem && problem["code"] is JsonValue code && code.TryGetValue<string>(out var text) ? text : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static bool IsJson(string? mediaType) => mediaType is not null && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase);

        private static string Shorten(string body) => body.Length <= 600 ? body : body[..600] + "...";
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}

/// <summary>An answer the OpenAPI document does not describe.</summary>
public sealed class OpenApiDriftException(string message) : Exception(message);
