namespace SbbCommerce.Api.Common.Validation;

/// <summary>
/// The one place every route's input passes: a NUL or an unpaired surrogate in the query string, a route value,
/// a JSON body (property names included) or a form field (file names included) is refused as 400
/// <c>validation_failed</c> naming the field, before any handler or query sees it. Runs after authentication, so an
/// anonymous caller of a protected route still learns 401 first. A route whose body items are judged one by one
/// checks their text itself (<see cref="StorableTextPerItem"/>).
/// </summary>
internal sealed class StorableTextMiddleware(RequestDelegate next)
{
    private const int MaxScannedJsonBytes = 16 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var field = FindInQuery(context.Request) ?? FindInRoute(context.Request);
        if (field is null && context.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<StorableTextPerItem>() is null
            && HasBody(context.Request))
        {
            field = context.Request.HasJsonContentType() ? await FindInJsonAsync(context.Request)
                : context.Request.HasFormContentType ? await FindInFormAsync(context.Request)
                : null;
        }

        if (field is not null)
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [StorableText.Message] };
            await ApiProblems.Validation(errors).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    private static string? FindInQuery(HttpRequest request)
    {
        foreach (var (key, values) in request.Query)
        {
            if (!StorableText.IsStorable(key))
            {
                return "query";
            }

            foreach (var value in values)
            {
                if (value is not null && !StorableText.IsStorable(value))
                {
                    return key;
                }
            }
        }

        return null;
    }

    private static string? FindInRoute(HttpRequest request)
    {
        foreach (var (key, value) in request.RouteValues)
        {
            if (value is string text && !StorableText.IsStorable(text))
            {
                return key;
            }
        }

        return null;
    }

    private static async Task<string?> FindInJsonAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxScannedJsonBytes)
        {
            return null; // refused as too large before it matters
        }

        request.EnableBuffering();
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        }
        finally
        {
            request.Body.Position = 0;
        }

        return StorableText.FindUnstorable(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static async Task<string?> FindInFormAsync(HttpRequest request)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            // A malformed or truncated form is the client's 400 (malformed_request), as it is when an endpoint binds it.
            throw new BadHttpRequestException("The form could not be read.", StatusCodes.Status400BadRequest, exception);
        }

        foreach (var (key, values) in form)
        {
            if (!StorableText.IsStorable(key))
            {
                return "form";
            }

            foreach (var value in values)
            {
                if (value is not null && !StorableText.IsStorable(value))
                {
                    return key;
                }
            }
        }

        foreach (var file in form.Files)
        {
            if (!StorableText.IsStorable(file.FileName) || !StorableText.IsStorable(file.Name))
            {
                return StorableText.IsStorable(file.Name) ? file.Name : "file";
            }
        }

        return null;
    }
}
