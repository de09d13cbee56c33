namespace SbbCommerce.Api.Modules.Identity.Contracts;

/// <summary>Whether an address still takes mail (the mail provider's bounce and complaint reports, through Identity).</summary>
public interface IEmailDeliverability
{
    /// <summary>Why mail to <paramref name="email"/> is not sent, or null when it may be.</summary>
    Task<string?> UndeliverableReasonAsync(string email, CancellationToken cancellationToken);
}
