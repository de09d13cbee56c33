namespace SbbCommerce.Api.Common.Http;

/// <summary>The anonymous visitor of API.md: <c>X-Anonymous-Id</c>, an opaque id of 8 to 100 characters.</summary>
internal static class AnonymousVisitor
{
    public const string HeaderName = "X-Anonymous-Id";

    /// <summary>The visitor id if the header is present and well formed; otherwise null.</summary>
    public static string? IdOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.Request.Headers[HeaderName].ToString().Trim();
        return value.Length is >= 8 and <= 100 && value.All(c => c is > ' ' and < (char)127) ? value : null;
    }
}
