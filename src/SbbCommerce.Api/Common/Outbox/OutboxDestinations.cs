namespace SbbCommerce.Api.Common.Outbox;

/// <summary>Where outbox messages go (the <c>destination</c> column).</summary>
internal static class OutboxDestinations
{
    public const string EpicorPropello = "epicor_propello";
    public const string InternalEmail = "internal_email";
    public const string Sms = "sms";
}
