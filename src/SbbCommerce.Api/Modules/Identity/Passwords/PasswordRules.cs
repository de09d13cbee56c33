namespace SbbCommerce.Api.Modules.Identity.Passwords;

/// <summary>API.md's password policy: at least 10 characters and not all of one class.</summary>
internal static class PasswordRules
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 256;

    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .MinimumLength(MinimumLength).WithMessage($"The password needs at least {MinimumLength} characters.")
            .MaximumLength(MaximumLength)
            .Must(HasTwoClasses).WithMessage("The password must mix at least two of: lower case, upper case, digits, symbols.");

    internal static bool HasTwoClasses(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return false;
        }

        var classes = (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsUpper) ? 1 : 0)
            + (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        return classes >= 2;
    }
}
