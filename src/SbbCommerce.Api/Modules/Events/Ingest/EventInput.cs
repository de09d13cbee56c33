using System.Text.Json.Serialization;

namespace SbbCommerce.Api.Modules.Events.Ingest;

/// <summary>
/// One event as the storefront sends it. There is deliberately no user id: the user is the bearer token's, so a
/// body cannot speak for another user (a <c>userId</c> field is ignored like any unknown field).
/// </summary>
/// <remarks>Field lengths follow the columns of <c>events</c>.</remarks>
internal sealed record EventInput
{
    /// <summary><c>{category}.{action}[.{detail}]</c>: lowercase letters, digits and <c>_</c>.</summary>
    public string? EventName { get; init; }

    /// <summary>The name's first part: page, user, product, cart, checkout, order, payment or system.</summary>
    public string? EventCategory { get; init; }

    /// <summary>The storefront's session id (at most 100 characters).</summary>
    public string? SessionId { get; init; }

    /// <summary>The anonymous visitor (8-100 characters); defaults to the <c>X-Anonymous-Id</c> header.</summary>
    public string? AnonymousId { get; init; }

    public string? PageUrl { get; init; }

    public string? PageTitle { get; init; }

    public string? ReferrerUrl { get; init; }

    public string? UtmSource { get; init; }

    public string? UtmMedium { get; init; }

    public string? UtmCampaign { get; init; }

    public string? UtmTerm { get; init; }

    public string? UtmContent { get; init; }

    public Guid? ProductId { get; init; }

    public Guid? CartId { get; init; }

    public Guid? OrderId { get; init; }

    public Guid? PaymentId { get; init; }

    /// <summary>A JSON object (at most <c>Events:MaxPropertiesBytes</c>); absent is <c>{}</c>.</summary>
    [JsonConverter(typeof(ReadInPlaceConverter))]
    public JsonElement? Properties { get; init; }

    /// <summary>e.g. <c>1920x1080</c> (at most 20 characters).</summary>
    public string? ScreenResolution { get; init; }

    /// <summary>When it happened on the client (UTC); not more than a few minutes ahead of the server.</summary>
    public DateTimeOffset? ClientTimestamp { get; init; }
}

/// <summary>
/// Skips <c>properties</c> while the serializer reads an event: <see cref="EventIngestor"/> takes it from the request's
/// own document afterwards (an element of the body, no copy), where the serializer would copy every event's properties
/// into a document of its own, the largest cost of reading an event in a burst.
/// </summary>
internal sealed class ReadInPlaceConverter : JsonConverter<JsonElement?>
{
    public override JsonElement? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, JsonElement? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } element)
        {
            element.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
