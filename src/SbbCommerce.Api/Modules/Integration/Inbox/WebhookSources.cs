namespace SbbCommerce.Api.Modules.Integration.Inbox;

/// <summary>The providers that may post to <c>/webhooks/{source}</c>.</summary>
internal static class WebhookSources
{
    public const string EpicorPropello = "epicor_propello";
    public const string Shippo = "shippo";
    public const string Mailgun = "mailgun";
}
