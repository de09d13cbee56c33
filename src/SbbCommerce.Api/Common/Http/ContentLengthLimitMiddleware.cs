using Microsoft.AspNetCore.Http.Metadata;

namespace SbbCommerce.Api.Common.Http;

/// <summary>
/// Refuses a declared body larger than the route allows (its request-size metadata, else the host default) with
/// a 413 problem before anything reads it. Kestrel enforces the same limit on bodies without a Content-Length.
/// </summary>
internal sealed class ContentLengthLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? CommonModule.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge,
                "The request body is too large.", $"At most {limit} bytes are accepted here.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
