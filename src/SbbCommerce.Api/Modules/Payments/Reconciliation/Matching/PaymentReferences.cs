using System.Text.RegularExpressions;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Matching;

/// <summary>
/// Finds payment references (PAY-200001) in a memo as customers type them: any case, with a space, underscore, #
/// or nothing instead of the dash. A digit typed wrong gives another reference, which then does not pay what is due.
/// </summary>
internal static partial class PaymentReferences
{
    public static IReadOnlyList<string> Find(string? memo)
    {
        if (string.IsNullOrEmpty(memo))
        {
            return [];
        }

        return Reference().Matches(memo).Select(m => "PAY-" + m.Groups["digits"].Value).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])PAY[\s\-_#:.]{0,3}(?<digits>\d{4,12})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex Reference();
}
