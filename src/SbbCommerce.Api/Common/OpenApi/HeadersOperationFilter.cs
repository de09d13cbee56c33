using Microsoft.OpenApi;
using SbbCommerce.Api.Common.Idempotency;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SbbCommerce.Api.Common.OpenApi;

/// <summary>
/// The headers of API.md, on the operations that read or write them: <c>X-Anonymous-Id</c>, <c>Idempotency-Key</c>
/// and <c>If-None-Match</c> in; <c>X-Request-Id</c> on every answer, <c>ETag</c> on cacheable reads,
/// <c>Retry-After</c> on 429 and 503 out.
/// </summary>
internal sealed class HeadersOperationFilter : EndpointOperationFilter
{
    public const string RequestIdHeader = "X-Request-Id";

    protected override void Apply(OpenApiOperation operation, OperationFilterContext context, IList<object> metadata)
    {
        operation.Parameters ??= [];
        if (metadata.Has<AnonymousVisitorMetadata>())
        {
            operation.Parameters.Add(Header(AnonymousVisitor.HeaderName,
                "The anonymous visitor (an opaque id of 8-100 printable characters the storefront keeps in the browser).",
                new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 8, MaxLength = 100 }));
        }

        if (metadata.Has<IdempotentEndpointMetadata>())
        {
            operation.Parameters.Add(Header(IdempotencyMiddleware.HeaderName,
                "Replays the first answer for the same key and body from the same caller for 24 h (422 idempotency_key_reused " +
                "with another body, 409 request_in_progress while the first runs).",
                new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 }));
        }

        operation.Responses ??= [];
        if (metadata.Has<ConditionalReadMetadata>())
        {
            operation.Parameters.Add(Header("If-None-Match", "An ETag of an earlier answer: 304 without a body while it is current.",
                new OpenApiSchema { Type = JsonSchemaType.String }));
            operation.Responses.TryAdd("304", new OpenApiResponse { Description = "Not Modified: the ETag sent is current." });
        }

        foreach (var (key, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            // A CSV export shares its 200 with the JSON page: the CSV itself is text, not that schema.
            if (concrete.Content?.TryGetValue("text/csv", out var csv) == true && csv is OpenApiMediaType csvMedia)
            {
                csvMedia.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
            }

            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
            concrete.Headers[RequestIdHeader] = new OpenApiHeaderReference(RequestIdHeader, context.Document);
            if (key is "429" or "503")
            {
                concrete.Headers["Retry-After"] = new OpenApiHeaderReference("Retry-After", context.Document);
            }

            if (key is "200" or "304" && metadata.Has<ConditionalReadMetadata>())
            {
                concrete.Headers["ETag"] = new OpenApiHeaderReference("ETag", context.Document);
            }
        }
    }

    private static OpenApiParameter Header(string name, string description, OpenApiSchema schema) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = schema,
    };
}
