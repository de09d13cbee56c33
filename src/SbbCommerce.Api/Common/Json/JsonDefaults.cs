using System.Text.Json.Serialization;

namespace SbbCommerce.Api.Common.Json;

/// <summary>camelCase JSON with enums as the schema's snake_case labels (<c>pending_payment</c>).</summary>
internal static class JsonDefaults
{
    /// <summary>For JSONB payloads written by the server (outbox, audit, events).</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
