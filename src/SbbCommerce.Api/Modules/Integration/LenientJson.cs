using System.Text;

namespace SbbCommerce.Api.Modules.Integration;

/// <summary>Bodies from the outside that may not be JSON at all (an HTML error page, a truncated answer, a probe).</summary>
internal static class LenientJson
{
    /// <summary>The root element (a clone that outlives the document), or null when the bytes are not JSON.</summary>
    public static JsonElement? Parse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc cref="Parse(ReadOnlyMemory{byte})"/>
    public static JsonElement? Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));
}
