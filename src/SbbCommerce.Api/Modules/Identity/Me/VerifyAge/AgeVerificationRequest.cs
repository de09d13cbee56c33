namespace SbbCommerce.Api.Modules.Identity.Me.VerifyAge;

/// <summary>A date of birth to verify against the minimum age.</summary>
/// <param name="DateOfBirth">YYYY-MM-DD.</param>
internal sealed record AgeVerificationRequest(DateOnly DateOfBirth);
