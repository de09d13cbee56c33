using System.Text;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Matching;

/// <summary>
/// How alike the sender on a statement and a customer's name are, 0 to 1: case, accents, punctuation and word
/// order do not count ("SMITH, JOHN A" and "John Smith"), a typo costs a little (Levenshtein over the sorted
/// words), and "J Smith" still resembles "John Smith" (initials). Emails compare by their local part.
/// </summary>
internal static class NameSimilarity
{
    public static double Best(string? sender, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return string.IsNullOrWhiteSpace(sender) ? 0 : names.Select(name => Score(sender, name)).DefaultIfEmpty(0).Max();
    }

    public static double Score(string a, string b)
    {
        var left = Words(a);
        var right = Words(b.Contains('@', StringComparison.Ordinal) ? b[..b.IndexOf('@', StringComparison.Ordinal)] : b);
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        var sorted = Ratio(string.Join(' ', left.Order(StringComparer.Ordinal)), string.Join(' ', right.Order(StringComparer.Ordinal)));
        var joined = Ratio(string.Concat(left.Order(StringComparer.Ordinal)), string.Concat(right.Order(StringComparer.Ordinal)));
        // Handles glue an initial to the surname: $jsmith for John Smith.
        var handle = left.Count == 1 && right.Count > 1 ? Ratio(left[0], Handle(right))
            : right.Count == 1 && left.Count > 1 ? Ratio(Handle(left), right[0]) : 0;
        return Math.Max(Math.Max(sorted, joined), Math.Max(handle, WordsCovered(left, right)));
    }

    /// <summary>Share of the shorter name's words found in the longer (a lone letter matches a word with that initial).</summary>
    private static double WordsCovered(List<string> a, List<string> b)
    {
        var (shorter, longer) = a.Count <= b.Count ? (a, b) : (b, a);
        // Each word counts with how alike it is to its closest word of the other name (a typo costs a little).
        var full = shorter.Where(w => w.Length > 1).Sum(w => longer.Select(l => Ratio(w, l)).Where(r => r >= 0.8).DefaultIfEmpty(0).Max());
        var initials = shorter.Count(w => w.Length == 1 && longer.Any(l => l[0] == w[0]));
        // Initials alone are weak evidence, and a name of one word matched against a longer one is weaker still.
        return full <= 0 ? 0 : (full + (0.5 * initials)) / longer.Count;
    }

    private static string Handle(List<string> words) =>
        words.Count < 2 ? string.Concat(words) : string.Concat(words.Take(words.Count - 1).Select(w => w[..1])) + words[^1];

    private static double Ratio(string a, string b)
    {
        var distance = Levenshtein(a, b);
        return 1.0 - ((double)distance / Math.Max(a.Length, b.Length));
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static List<string> Words(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            // The host runs with invariant globalization (no ICU, so no Unicode decomposition): accents are folded here.
            var folded = char.ToLowerInvariant(c) switch
            {
                'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' or 'ą' => 'a',
                'ç' or 'ć' or 'č' => 'c',
                'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ę' or 'ě' => 'e',
                'ì' or 'í' or 'î' or 'ï' or 'ī' => 'i',
                'ñ' or 'ń' or 'ň' => 'n',
                'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' or 'ő' => 'o',
                'ù' or 'ú' or 'û' or 'ü' or 'ū' or 'ů' or 'ű' => 'u',
                'ý' or 'ÿ' => 'y',
                'ś' or 'š' or 'ß' => 's',
                'ź' or 'ż' or 'ž' => 'z',
                'ł' => 'l',
                'ř' => 'r',
                'ď' => 'd',
                'ť' => 't',
                var other => other,
            };
            builder.Append(char.IsLetter(folded) ? folded : ' ');
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
