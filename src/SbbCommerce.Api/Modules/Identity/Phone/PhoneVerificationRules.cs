namespace SbbCommerce.Api.Modules.Identity.Phone;

/// <summary>
/// Phone verification by SMS. Sending writes the code's row and an outbox message (destination <c>sms</c>, carrying
/// the row id, never the code) in one transaction, under advisory locks on the user and the number so that parallel
/// requests cannot slip past the rate limits. Confirming checks the newest open code of the user.
/// </summary>
internal static class PhoneVerificationRules
{
    public const string SmsTemplate = "user.phone_verification";

    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    public const int MaxAttempts = 5;

    /// <summary>Codes one user may have sent within <see cref="UserWindow"/>.</summary>
    public const int MaxSendsPerUser = 3;

    public static readonly TimeSpan UserWindow = TimeSpan.FromMinutes(10);

    /// <summary>Codes one number may receive within <see cref="NumberWindow"/>, whoever asks (no SMS bombing).</summary>
    public const int MaxSendsPerNumber = 5;

    public static readonly TimeSpan NumberWindow = TimeSpan.FromHours(1);

    internal static ProblemHttpResult PhoneTaken() => ApiProblems.Conflict(IdentityErrors.PhoneTaken, "This phone number belongs to another account.");

    internal static ProblemHttpResult InvalidCode(string detail) =>
        ApiProblems.Unprocessable(IdentityErrors.InvalidCode, "The code is wrong or expired.", detail);
}
