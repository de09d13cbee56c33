using Xunit.Abstractions;

namespace SbbCommerce.IntegrationTests.Payments.Reconciliation.Import;

/// <summary>
/// A generator of realistic statements: customers who write the reference cleanly or sloppily, mistype it, forget the
/// memo, split a payment in two, pay two orders in one transfer, pay too little, pay twice; refunds, fees, personal
/// transfers and a failed transfer around them; every transfer exported twice by overlapping Cash App and Bank of
/// America (Zelle) downloads. It reports the automatic match rate and proves that no automatic match is wrong.
/// </summary>
public sealed class StatementGeneratorTests(ApiFixture fixture, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    private static readonly string[] FirstNames = ["Olivia", "Liam", "Amara", "Mateo", "Chen", "Priya", "Noah", "Fatima", "Jakub", "Sofia", "Kwame", "Ingrid",
        "Diego", "Hana", "Marcus", "Yusuf", "Elena", "Tariq", "Mei", "Lucas"];

    private static readonly string[] LastNames = ["Okafor", "Nguyen", "Kowalski", "Hernandez", "Johansson", "Patel", "Whitfield", "Al-Sayed", "Moreau",
        "Tanaka", "Brennan", "Castellanos", "Adeyemi", "Lindqvist", "Rosenthal", "Barros", "Fitzgerald", "Ivanova", "Delacroix", "Mbeki"];

    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    [Fact]
    public async Task Given_generated_statements_with_typos_splits_combined_and_duplicate_payments_When_imported_Then_no_automatic_match_is_wrong()
    {
        var random = new Random(20261130);
        var today = fixture.Today();
        var truth = new Dictionary<string, Guid[]>(StringComparer.Ordinal); // transaction id -> the payments it really pays
        var eligible = new HashSet<string>(StringComparer.Ordinal);           // transfers the rule may verify without a person
        var expectedAutomatic = 0;                                            // payments the rule must verify without a person
        var transfers = new List<(Tx Tx, bool Zelle)>();
        const int Customers = 40;
        for (var i = 0; i < Customers; i++)
        {
            var placed = i % 3 == 0 ? await fixture.PlaceAsync(random.Next(2_000, 40_000)) : await fixture.SubmittedAsync(random.Next(2_000, 40_000));
            var (first, last) = (FirstNames[i % FirstNames.Length], LastNames[(i * 7) % LastNames.Length]);
            await fixture.NameAsync(placed.Buyer.UserId, first, last);
            var name = $"{first} {last}";
            var zelle = i % 2 == 1;
            var reference = placed.PaymentReference;
            void Add(long cents, string? memo, string sender, bool automatic, params Guid[] pays)
            {
                var tx = new Tx(ReconciliationApi.NewId(), today, cents, memo, sender);
                transfers.Add((tx, zelle));
                truth[tx.Id!] = pays;
                if (automatic)
                {
                    eligible.Add(tx.Id!);
                }
            }

            switch (i % 10)
            {
                case 0 or 1 or 2 or 3: // clean or sloppy but complete reference, exact amount
                    Add(placed.TotalCents, Sloppy(reference, random), name, true, placed.PaymentId);
                    expectedAutomatic++;
                    break;
                case 4: // a digit mistyped
                    Add(placed.TotalCents, Mistyped(reference, random), name, false, placed.PaymentId);
                    break;
                case 5: // no memo, the name misspelt
                    Add(placed.TotalCents, null, Misspelt(name, random), false, placed.PaymentId);
                    break;
                case 6: // split in two transfers
                    Add(placed.TotalCents / 2, reference, name, false, placed.PaymentId);
                    Add(placed.TotalCents - (placed.TotalCents / 2), $"{reference} part 2", name, false, placed.PaymentId);
                    break;
                case 7: // two orders in one transfer
                    var second = await fixture.PlaceSecondOrderAsync(placed, random.Next(2_000, 20_000));
                    Add(placed.TotalCents + second.TotalCents, $"{reference} and {second.PaymentReference}", name, false, placed.PaymentId, second.PaymentId);
                    break;
                case 8: // paid too little
                    Add(placed.TotalCents - random.Next(100, 1_000), reference, name, false, placed.PaymentId);
                    break;
                default: // paid twice: whichever comes first books it, the other waits for a refund decision
                    Add(placed.TotalCents, reference, name, true, placed.PaymentId);
                    Add(placed.TotalCents, reference, name, true, placed.PaymentId);
                    expectedAutomatic++;
                    break;
            }
        }

        // Around them: refunds and fees (kept, never matched), personal transfers, a failed transfer.
        for (var i = 0; i < 12; i++)
        {
            var tx = (i % 4) switch
            {
                0 => new Tx(ReconciliationApi.NewId(), today, -random.Next(1_000, 9_000), "refund", "Some Customer", "Sent P2P"),
                1 => new Tx(ReconciliationApi.NewId(), today, -random.Next(25, 300), null, "Cash App", "Instant Deposit Fee"),
                2 => new Tx(ReconciliationApi.NewId(), today, random.Next(1_000, 90_000), "rent share", $"{FirstNames[i]} Stranger"),
                _ => new Tx(ReconciliationApi.NewId(), today, random.Next(1_000, 9_000), "PAY-1", "Failed Person", Status: "FAILED"),
            };
            transfers.Add((tx, false));
            truth[tx.Id!] = [];
        }

        var shuffled = transfers.OrderBy(_ => random.Next()).ToList();
        var cash = shuffled.Where(t => !t.Zelle).Select(t => t.Tx).ToList();
        var bank = shuffled.Where(t => t.Zelle).Select(t => t.Tx).ToList();
        var imports = new List<JsonElement>
        {
            // Overlapping exports: each transfer is in at least one, a third of them in both.
            await Admin().ImportedAsync(StatementCsv.CashApp(cash.Take(cash.Count * 2 / 3)), "cashapp"),
            await Admin().ImportedAsync(StatementCsv.CashApp(cash.Skip(cash.Count / 3)), "cashapp"),
            await Admin().ImportedAsync(StatementCsv.Bofa(bank.Take(bank.Count * 2 / 3)), "zelle_bank", "bofa"),
            await Admin().ImportedAsync(StatementCsv.Bofa(bank.Skip(bank.Count / 3)), "zelle_bank", "bofa"),
        };

        var matched = await MatchedAsync();
        var wrong = matched.Where(m => !eligible.Contains(m.Key) || !truth[m.Key].Contains(m.Value)).ToList();
        var paying = truth.Count(t => t.Value.Length > 0);
        var stored = await fixture.ScalarAsync<long>("SELECT count(*) FROM reconciliation_lines");
        var suggestedRight = await SuggestedRightAsync(truth);
        output.WriteLine($"transfers {transfers.Count} ({paying} paying orders), lines stored {stored}, duplicates skipped " +
            $"{imports.Sum(i => i.GetProperty("duplicate").GetInt32())}");
        output.WriteLine($"automatic matches {matched.Count} = {100.0 * matched.Count / paying:0.0}% of paying transfers " +
            $"({100.0 * matched.Count / expectedAutomatic:0.0}% of the payments paid with a complete reference and the exact amount); wrong: {wrong.Count}");
        output.WriteLine($"suggested with the right payment among the candidates: {suggestedRight} of {paying - matched.Count} left for a person");

        Assert.Empty(wrong);
        Assert.Equal(expectedAutomatic, matched.Count);
        Assert.Equal(matched.Count, matched.Values.Distinct().Count());
        Assert.Equal(transfers.Count, stored);
        Assert.Equal(transfers.Count, imports.Sum(i => i.GetProperty("new").GetInt32()));
    }

    private async Task<Dictionary<string, Guid>> MatchedAsync()
    {
        var result = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var line in await Admin().LinesAsync("matched"))
        {
            result[line.GetProperty("providerTransactionId").GetString()!] = line.GetProperty("matchedPaymentId").GetGuid();
        }

        return result;
    }

    private async Task<int> SuggestedRightAsync(Dictionary<string, Guid[]> truth) =>
        (await Admin().LinesAsync("suggested")).Count(line =>
            truth.TryGetValue(line.GetProperty("providerTransactionId").GetString()!, out var pays)
            && line.GetProperty("candidates").EnumerateArray().Any(c => pays.Contains(c.GetProperty("paymentId").GetGuid())));

    private static string Sloppy(string reference, Random random) => random.Next(6) switch
    {
        0 => reference,
        1 => reference.ToLowerInvariant(),
        2 => $"Order {reference} thx",
        3 => reference.Replace("-", " ", StringComparison.Ordinal),
        4 => reference.Replace("-", "", StringComparison.Ordinal),
        _ => $"for {reference} 🙏",
    };

    private static string Mistyped(string reference, Random random)
    {
        var digits = reference.ToCharArray();
        var at = random.Next(4, digits.Length);
        digits[at] = (char)('0' + ((digits[at] - '0' + 1 + random.Next(8)) % 10));
        return new string(digits);
    }

    private static string Misspelt(string name, Random random)
    {
        var at = random.Next(1, name.Length - 1);
        return random.Next(2) == 0 ? name.Remove(at, 1) : name.ToUpperInvariant();
    }
}
