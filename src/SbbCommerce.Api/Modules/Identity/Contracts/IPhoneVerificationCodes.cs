namespace SbbCommerce.Api.Modules.Identity.Contracts;

/// <summary>
/// Rebuilds the 6-digit code of a phone verification from its id (the outbox message carries the id, never the
/// code), for the SMS sender.
/// </summary>
public interface IPhoneVerificationCodes
{
    string CodeFor(Guid verificationId);
}
