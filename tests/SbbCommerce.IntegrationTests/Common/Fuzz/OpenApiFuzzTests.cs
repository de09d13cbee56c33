using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace SbbCommerce.IntegrationTests.Common.Fuzz;

/// <summary>
/// Driven by the host's own OpenAPI document, so a route is covered the day it is added: every operation refuses
/// an anonymous caller (401) where a token is needed and a customer (403) on admin routes; and every body field,
/// query parameter, path parameter and form field, given each hostile value, is answered without a 5xx.
/// </summary>
public sealed class OpenApiFuzzTests(ApiFixture fixture, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    private const string Marker = "\"__fuzz_marker__\"";

    // Operations that would end the caller's own account mid-run (their authorization is still checked).
    private static readonly HashSet<string> NotFuzzed = ["DELETE /api/v1/me"];

    [Fact]
    public async Task Given_every_operation_of_the_openapi_document_When_called_without_the_right_token_Then_401_or_403()
    {
        var (operations, _) = await OperationsAsync();
        var customer = fixture.NewUserToken("customer");
        var wrong = new ConcurrentBag<string>();
        var checks = 0;

        await Parallel.ForEachAsync(operations.Where(o => o.RequiresToken), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (operation, _) =>
        {
            var path = PathOf(operation, null);
            var (anonymous, _) = await SendAsync(fixture.CreateClient(), operation.Method, path, PlainBody(operation));
            Interlocked.Increment(ref checks);
            if (anonymous != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{operation.Name} anonymous: {(int)anonymous}");
            }

            if (operation.IsAdmin)
            {
                var (asCustomer, _) = await SendAsync(fixture.CreateClient().WithBearer(customer), operation.Method, path, PlainBody(operation));
                Interlocked.Increment(ref checks);
                if (asCustomer != HttpStatusCode.Forbidden)
                {
                    wrong.Add($"{operation.Name} customer: {(int)asCustomer}");
                }
            }
        });

        output.WriteLine($"{operations.Count} operations, {operations.Count(o => o.RequiresToken)} need a token, " +
            $"{operations.Count(o => o.IsAdmin)} admin; {checks} authorization checks");
        Assert.True(wrong.IsEmpty, string.Join(Environment.NewLine, wrong.Order()));
        Assert.True(operations.Count(o => o.IsAdmin) >= 20, "The document lost its admin routes?");
    }

    [Fact]
    public async Task Given_every_field_of_every_operation_When_given_hostile_values_Then_never_a_5xx()
    {
        var (operations, samples) = await OperationsAsync();
        var tokens = new Dictionary<string, string> { ["customer"] = fixture.NewUserToken("customer"), ["admin"] = fixture.AdminToken() };
        var cases = operations.Where(o => !NotFuzzed.Contains(o.Name)).SelectMany(o => CasesOf(o, samples)).ToList();
        var failures = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (fuzz, _) =>
        {
            var client = fixture.CreateClient();
            if (fuzz.Operation.RequiresToken)
            {
                client.WithBearer(tokens[fuzz.Operation.IsAdmin ? "admin" : "customer"]);
            }

            var (status, code) = await SendAsync(client, fuzz.Operation.Method, fuzz.Path, fuzz.Body);
            // 503 provider_not_configured is the contract's answer of a route whose provider (Shippo) this host has no settings for.
            if ((int)status >= 500 && code != "provider_not_configured")
            {
                failures.Add($"{fuzz.Operation.Name} {fuzz.Label}: {(int)status}");
            }
        });

        output.WriteLine($"{operations.Count} operations, {cases.Count} hostile requests in {clock.Elapsed.TotalSeconds:F1} s " +
            $"({HostileValues.Json.Count} JSON values per body field, {HostileValues.Bodies.Count} whole bodies, " +
            $"{HostileValues.Query.Count} query/path values, {HostileValues.Form.Count} form values)");
        Assert.True(failures.IsEmpty, $"{failures.Count} answers were 5xx:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Order().Take(50))}");
        // The callers survived the run, so every request above was really made as them.
        Assert.Equal(HttpStatusCode.OK, (await fixture.CreateClient().WithBearer(tokens["customer"]).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.CreateClient().WithBearer(tokens["admin"]).GetAsync("/api/v1/admin/users?limit=1")).StatusCode);
    }

    private async Task<(IReadOnlyList<OpenApiOperation> Operations, OpenApiSamples Samples)> OperationsAsync()
    {
        var document = await fixture.CreateClient().WithBearer(fixture.AdminToken()).GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var operations = OpenApiOperation.AllOf(document);
        Assert.True(operations.Count >= 50, $"Only {operations.Count} operations in the document.");
        return (operations, new OpenApiSamples(document));
    }

    private static IEnumerable<FuzzCase> CasesOf(OpenApiOperation operation, OpenApiSamples samples)
    {
        var plainPath = PathOf(operation, null);
        var plainBody = BodyOf(operation, samples);
        yield return new FuzzCase(operation, "plausible request", plainPath, plainBody);

        foreach (var parameter in operation.Parameters)
        {
            foreach (var (label, encoded) in HostileValues.Query)
            {
                if (parameter.In == "query")
                {
                    yield return new FuzzCase(operation, $"?{parameter.Name}={label}", $"{plainPath}?{parameter.Name}={encoded}", plainBody);
                }
                else if (parameter.In == "path" && !encoded.Contains("%00", StringComparison.Ordinal))
                {
                    // A NUL in a path never reaches the host (Kestrel and the test server refuse it first).
                    yield return new FuzzCase(operation, $"{{{parameter.Name}}}={label}", PathOf(operation, (parameter.Name, encoded)), plainBody);
                }
            }
        }

        if (operation.JsonBody is { } jsonSchema)
        {
            foreach (var (label, json) in HostileValues.Bodies)
            {
                yield return new FuzzCase(operation, $"body {label}", plainPath, JsonContent(json));
            }

            foreach (var (field, raw) in JsonFieldCases(samples, jsonSchema))
            {
                yield return new FuzzCase(operation, field, plainPath, JsonContent(raw));
            }
        }

        if (operation.FormBody is { } formSchema)
        {
            var fields = samples.PropertiesOf(formSchema).Select(p => p.Name).ToList();
            foreach (var field in fields)
            {
                foreach (var (label, bytes) in HostileValues.Form)
                {
                    yield return new FuzzCase(operation, $"form {field}={label}", plainPath, () => FormOf(fields, field, bytes));
                }
            }
        }
    }

    /// <summary>For each property (and each property of a nested object), the body with that value replaced by each hostile value.</summary>
    private static IEnumerable<(string Field, string Json)> JsonFieldCases(OpenApiSamples samples, JsonElement schema)
    {
        if (samples.Sample(schema) is not JsonObject body)
        {
            yield break;
        }

        foreach (var (name, propertySchema) in samples.PropertiesOf(schema))
        {
            foreach (var (label, raw) in HostileValues.Json)
            {
                var copy = (JsonObject)body.DeepClone();
                copy[name] = JsonValue.Create("__fuzz_marker__");
                yield return ($"{name}={label}", copy.ToJsonString().Replace(Marker, raw, StringComparison.Ordinal));
            }

            if (body[name] is JsonObject nested)
            {
                foreach (var (inner, _) in samples.PropertiesOf(propertySchema))
                {
                    foreach (var (label, raw) in HostileValues.Json)
                    {
                        var copy = (JsonObject)body.DeepClone();
                        ((JsonObject)copy[name]!)[inner] = JsonValue.Create("__fuzz_marker__");
                        yield return ($"{name}.{inner}={label}", copy.ToJsonString().Replace(Marker, raw, StringComparison.Ordinal));
                    }
                }
            }
            else if (body[name] is JsonArray { Count: > 0 } array && array[0] is JsonObject)
            {
                foreach (var (label, raw) in HostileValues.Json.Take(4))
                {
                    var copy = (JsonObject)body.DeepClone();
                    ((JsonArray)copy[name]!)[0] = JsonValue.Create("__fuzz_marker__");
                    yield return ($"{name}[0]={label}", copy.ToJsonString().Replace(Marker, raw, StringComparison.Ordinal));
                }
            }
        }
    }

    private static string PathOf(OpenApiOperation operation, (string Name, string Value)? replaced)
    {
        var path = operation.PathTemplate;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var value = replaced is { } r && r.Name == parameter.Name ? r.Value
                : parameter.Schema.ValueKind == JsonValueKind.Object && parameter.Schema.TryGetProperty("format", out var format) && format.GetString() == "uuid"
                    ? Guid.NewGuid().ToString()
                    : "fuzz-1";
            path = path.Replace("{" + parameter.Name + "}", value, StringComparison.Ordinal);
        }

        return path;
    }

    private static Func<HttpContent?>? PlainBody(OpenApiOperation operation) =>
        operation.JsonBody is not null ? JsonContent("{}") : operation.FormBody is not null ? () => new MultipartFormDataContent() : null;

    private static Func<HttpContent?>? BodyOf(OpenApiOperation operation, OpenApiSamples samples) =>
        operation.JsonBody is { } schema ? JsonContent(samples.Sample(schema)?.ToJsonString() ?? "{}")
        : operation.FormBody is not null ? () => new MultipartFormDataContent()
        : null;

    private static Func<HttpContent?> JsonContent(string json) => () => new StringContent(json, Encoding.UTF8, "application/json");

    private static MultipartFormDataContent FormOf(List<string> fields, string hostileField, byte[] hostile)
    {
        var form = new MultipartFormDataContent();
        foreach (var field in fields)
        {
            var content = new ByteArrayContent(field == hostileField ? hostile : "fuzz"u8.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            form.Add(content, field);
        }

        return form;
    }

    private static async Task<(HttpStatusCode Status, string? Code)> SendAsync(HttpClient client, string method, string path, Func<HttpContent?>? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body?.Invoke() };
        using var response = await client.SendAsync(request);
        if ((int)response.StatusCode < 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return (response.StatusCode, null);
        }

        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return (response.StatusCode, problem.TryGetProperty("code", out var code) ? code.GetString() : null);
    }

    private sealed record FuzzCase(OpenApiOperation Operation, string Label, string Path, Func<HttpContent?>? Body);
}
