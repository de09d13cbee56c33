using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using SbbCommerce.Api.Common.Idempotency;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SbbCommerce.Api.Common.OpenApi;

/// <summary>
/// Every 4xx and 5xx answer of an operation is the one <c>Problem</c> schema, and lists the problem codes it may
/// carry: the codes the route declares with <see cref="ErrorCodesExtensions.ProducesErrors{TBuilder}"/> and the
/// ones the shared machinery answers (validation, auth, idempotency, rate limits). The operation's description
/// repeats them per status, so a reader of the route sees every error at once.
/// </summary>
internal sealed class ProblemResponsesOperationFilter : EndpointOperationFilter
{
    public const string ProblemSchema = "Problem";
    public const string ProblemContentType = "application/problem+json";
    public const string CodesExtension = "x-problem-codes";

    protected override void Apply(OpenApiOperation operation, OperationFilterContext context, IList<object> metadata)
    {
        operation.Responses ??= [];
        var codes = CodesByStatus(operation, context, metadata);
        foreach (var (status, statusCodes) in codes)
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse());
        }

        // A status the route declares with a bare ProducesProblem has codes of its own nobody listed yet: what is known
        // is described, but not promised as the complete list (x-problem-codes, which the tests hold answers to).
        var declared = metadata.OfType<ErrorCodesMetadata>().Select(m => m.StatusCode).ToHashSet();
        var open = context.ApiDescription.SupportedResponseTypes
            .Where(type => type.StatusCode >= 400 && type.Type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails) && !declared.Contains(type.StatusCode))
            .Select(type => type.StatusCode)
            .ToHashSet();
        var lines = new List<string>();
        foreach (var (key, response) in operation.Responses.ToList())
        {
            if (!int.TryParse(key, out var status) || status < 400 || response is not OpenApiResponse concrete)
            {
                continue;
            }

            var listed = codes.TryGetValue(status, out var known) ? known : [];
            concrete.Description = listed.Count == 0
                ? ReasonOf(status) + "."
                : $"{ReasonOf(status)}. Problem codes: {string.Join(", ", listed)}.";
            concrete.Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal)
            {
                [ProblemContentType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
            };
            if (listed.Count > 0 && open.Contains(status))
            {
                concrete.Description = $"{ReasonOf(status)}. Problem codes include: {string.Join(", ", listed)}.";
                lines.Add($"- `{status}`: {string.Join(", ", listed.Select(code => $"`{code}`"))}, ...");
            }
            else if (listed.Count > 0)
            {
                // Machine-readable too: the integration tests check every problem answered against this list.
                concrete.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
                concrete.Extensions[CodesExtension] = new JsonNodeExtension(new System.Text.Json.Nodes.JsonArray([.. listed.Select(code => (System.Text.Json.Nodes.JsonNode)code)]));
                lines.Add($"- `{status}`: {string.Join(", ", listed.Select(code => $"`{code}`"))}");
            }
        }

        if (lines.Count > 0)
        {
            var errors = "Errors (problem+json `code` by status):\n" + string.Join('\n', lines.Order(StringComparer.Ordinal));
            operation.Description = string.IsNullOrEmpty(operation.Description) ? errors : operation.Description + "\n\n" + errors;
        }
    }

    private static SortedDictionary<int, SortedSet<string>> CodesByStatus(
        OpenApiOperation operation, OperationFilterContext context, IList<object> metadata)
    {
        var codes = new SortedDictionary<int, SortedSet<string>>();
        void Add(int status, params IEnumerable<string> values)
        {
            if (!codes.TryGetValue(status, out var set))
            {
                codes[status] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(values);
        }

        foreach (var declared in metadata.OfType<ErrorCodesMetadata>())
        {
            Add(declared.StatusCode, declared.Codes);
        }

        // 400s the shared machinery answers: the validation filter and hand-made validation (validation_failed), a body
        // or query value that does not bind (malformed_request), text PostgreSQL cannot store in any body, query or
        // route value (StorableTextMiddleware: validation_failed), and a cursor this list did not issue (invalid_cursor).
        var parameters = operation.Parameters ?? [];
        var hasBody = operation.RequestBody is not null || metadata.Has<IAcceptsMetadata>();
        var declares400 = context.ApiDescription.SupportedResponseTypes.Any(type => type.StatusCode == StatusCodes.Status400BadRequest);
        if (declares400 || hasBody || parameters.Any(p => p.In is ParameterLocation.Query or ParameterLocation.Path))
        {
            Add(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed);
        }

        if (hasBody || parameters.Any(p => p.In == ParameterLocation.Query && p.Schema is { } schema
                && (schema.Type is not { } type || !type.HasFlag(JsonSchemaType.String) || schema.Format is not null)))
        {
            Add(StatusCodes.Status400BadRequest, ErrorCodes.MalformedRequest);
        }

        if (parameters.Any(p => p.In == ParameterLocation.Query && p.Name == ApiProblems.CursorField))
        {
            Add(StatusCodes.Status400BadRequest, ErrorCodes.InvalidCursor);
        }

        // A path value that fails its route constraint (/orders/{id:guid} with "abc") matches no route: the generic 404.
        if (parameters.Any(p => p.In == ParameterLocation.Path))
        {
            Add(StatusCodes.Status404NotFound, ErrorCodes.NotFound);
        }

        // The authorization middleware's answers (a route's own 401/403 codes come from its ProducesErrors).
        if (AuthResponsesOperationFilter.RequiresToken(metadata))
        {
            Add(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized);
            if (AuthResponsesOperationFilter.RequiresRole(metadata))
            {
                Add(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden);
            }
        }

        if (metadata.Has<IdempotentEndpointMetadata>())
        {
            Add(StatusCodes.Status409Conflict, ErrorCodes.RequestInProgress);
            Add(StatusCodes.Status422UnprocessableEntity, ErrorCodes.IdempotencyKeyReused);
        }

        if (metadata.Has<EnableRateLimitingAttribute>())
        {
            Add(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited);
        }

        return codes;
    }

    private static string ReasonOf(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
