using System.Net;

namespace SbbCommerce.Api.Modules.Events.Contracts;

/// <summary>
/// An event the server itself observed (<c>order.created</c>, <c>user.login.success</c>…). The category is the
/// first segment of the name. Properties must never hold a password, a token or a card number.
/// </summary>
/// <param name="EventName"><c>{category}.{action}[.{detail}]</c>.</param>
public sealed record ServerEvent(string EventName)
{
    public Guid? UserId { get; init; }

    public string? AnonymousId { get; init; }

    public string? SessionId { get; init; }

    public Guid? ProductId { get; init; }

    public Guid? CartId { get; init; }

    public Guid? OrderId { get; init; }

    public Guid? PaymentId { get; init; }

    /// <summary>Where the request that caused it came from; passed in by the caller from its endpoint (null for jobs and webhooks).</summary>
    public IPAddress? IpAddress { get; init; }

    /// <summary>The User-Agent of that request.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Free-form details, stored as JSONB.</summary>
    public object? Properties { get; init; }

    public string Category => EventName.Split('.', 2)[0];
}
