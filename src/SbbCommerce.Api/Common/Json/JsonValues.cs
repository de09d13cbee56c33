namespace SbbCommerce.Api.Common.Json;

/// <summary>Stored JSON (jsonb columns, payloads) as values an answer can carry.</summary>
internal static class JsonValues
{
    /// <summary>
    /// The parsed JSON, detached from its document (a clone), so the document's pooled memory goes back at once and the
    /// value outlives it.
    /// </summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Like <see cref="Parse"/>, with null (no stored JSON) kept as null.</summary>
    public static JsonElement? ParseOrNull(string? json) => json is null ? null : Parse(json);
}
