namespace SbbCommerce.Api.Modules.Integration.Email;

/// <summary>One kind of customer email: the outbox event type it renders, and how.</summary>
internal interface IEmailTemplate
{
    string EventType { get; }

    EmailContent Render(JsonElement payload, EmailLinks links);
}

/// <summary>Links into the storefront (<c>Email:PublicBaseUrl</c>) and the tokens they carry.</summary>
internal sealed class EmailLinks(string publicBaseUrl, Identity.Contracts.IUserEmailTokens tokens)
{
    public Identity.Contracts.IUserEmailTokens Tokens { get; } = tokens;

    public string To(string pathAndQuery) => publicBaseUrl.TrimEnd('/') + pathAndQuery;

    public string Order(string orderNumber) => To("/account/orders/" + Uri.EscapeDataString(orderNumber));
}
