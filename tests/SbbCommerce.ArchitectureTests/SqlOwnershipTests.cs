using System.Text.RegularExpressions;

namespace SbbCommerce.ArchitectureTests;

/// <summary>
/// A module's SQL names only its own tables (the README's ownership table); another module's data comes through that
/// module's Contracts. Reads the string literals of every C# file of each module (and of Common) as text, so raw SQL
/// the type checks cannot see is held to the same boundary (ADR 0012).
/// </summary>
public sealed partial class SqlOwnershipTests
{
    /// <summary>Tables a module other than the owner may name on purpose, with the reason.</summary>
    private static readonly Dictionary<(string Module, string Table), string> SharedOnPurpose = new()
    {
        [("Integration", "webhooks_outbox")] = "the outbox drain claims and settles the rows every module writes through Common/Outbox (ADR 0004)",
    };

    private static readonly Lazy<HashSet<string>> CreatedTables = new(() =>
        CreateTable().Matches(string.Concat(Directory.GetFiles(RepositoryFiles.Migrations, "*.sql").Select(File.ReadAllText)))
            .Select(match => match.Groups["table"].Value.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal));

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Owners = new(ReadOwnershipTable);

    public static TheoryData<string> Areas() =>
        new(["Common", "Identity", "Catalog", "Cart", "Orders", "Payments", "Fulfillment", "Events", "Integration"]);

    [Fact]
    public void Given_the_migrations_Then_every_table_has_one_owner_in_the_readme()
    {
        var unowned = CreatedTables.Value.Where(table => !Owners.Value.ContainsKey(table)).Order().ToList();

        Assert.True(unowned.Count == 0, "Tables missing from the README's ownership table: " + string.Join(", ", unowned));
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void Given_a_module_Then_its_sql_names_only_its_own_tables(string module)
    {
        var folder = module == "Common"
            ? Path.Combine(RepositoryFiles.ApiSources, "Common")
            : Path.Combine(RepositoryFiles.ApiSources, "Modules", module);

        var trespasses = (from file in RepositoryFiles.CSharpFiles(folder)
                          from literal in StringLiterals(File.ReadAllText(file))
                          from Match reference in TableReference().Matches(literal)
                          let table = reference.Groups["table"].Value.ToLowerInvariant()
                          where Owners.Value.TryGetValue(table, out var owner) && owner != module
                                && !SharedOnPurpose.ContainsKey((module, table))
                          select $"{Path.GetRelativePath(RepositoryFiles.Root, file)}: {table} ({Owners.Value[table]}'s)")
            .Distinct()
            .ToList();

        Assert.True(trespasses.Count == 0, $"{module}'s SQL names other modules' tables (ask the owner through its Contracts):"
                                           + Environment.NewLine + string.Join(Environment.NewLine, trespasses));
    }

    [Fact]
    public void Given_a_literal_with_sql_When_scanned_Then_the_tables_it_reads_and_writes_are_found()
    {
        const string Source = """""
            // SELECT * FROM comments_are_not_sql
            var sql = $@"SELECT o.id FROM orders o JOIN order_items i ON i.order_id = o.id WHERE x = {x} AND y = ""z""";
            var raw = $$"""
                UPDATE products SET n = 1; INSERT INTO audit_logs (a) VALUES ({{a}}); DELETE FROM carts
                """;
            var quote = '"';
            var escaped = "DELETE FROM \"users\" WHERE a = 'b'";
            """"";

        var tables = StringLiterals(Source)
            .SelectMany(literal => TableReference().Matches(literal).Select(match => match.Groups["table"].Value))
            .ToList();

        Assert.Equal<string>(["orders", "order_items", "products", "audit_logs", "carts", "users"], tables);
    }

    /// <summary>
    /// The README's "| module | owns (tables) |" rows: the tables named before a ';' (parenthesised remarks left
    /// out), each known from the migrations.
    /// </summary>
    private static Dictionary<string, string> ReadOwnershipTable()
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var inTable = false;
        foreach (var line in File.ReadLines(RepositoryFiles.Readme))
        {
            if (line.StartsWith("| module | owns (tables) |", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            if (!inTable || line.StartsWith("| ---", StringComparison.Ordinal))
            {
                continue;
            }

            if (!line.StartsWith('|'))
            {
                break;
            }

            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            var owned = Parenthesised().Replace(cells[2], string.Empty).Split(';')[0];
            foreach (var table in Identifier().Matches(owned).Select(match => match.Value).Where(CreatedTables.Value.Contains))
            {
                Assert.True(owners.TryAdd(table, cells[1]), $"{table} has two owners in the README");
            }
        }

        Assert.NotEmpty(owners);
        return owners;
    }

    /// <summary>The contents of the string literals of C# source (regular, verbatim, raw, interpolated); comments skipped.</summary>
    private static IEnumerable<string> StringLiterals(string source) =>
        CSharpToken().Matches(source).Where(token => token.Groups["text"].Success).Select(token => token.Groups["text"].Value);

    [GeneratedRegex("""
        (?<comment>//[^\n]*|/\*[\s\S]*?\*/)
        |(?<char>'(?:[^'\\\n]|\\.)+')
        |\$*(?<quotes>"{3,})(?<text>[\s\S]*?)\k<quotes>
        |(?:\$@|@\$|@)"(?<text>(?:[^"]|"")*)"
        |\$?"(?<text>(?:[^"\\\n]|\\.)*)"
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex CSharpToken();

    [GeneratedRegex("""\b(?:FROM|JOIN|UPDATE|INTO|TABLE|TRUNCATE|COPY)\s+(?:ONLY\s+)?\\?"?(?<table>[a-z_][a-z0-9_]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex TableReference();

    [GeneratedRegex("""CREATE TABLE (?:IF NOT EXISTS )?(?<table>[a-z_][a-z0-9_]*) \(""", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex("""\([^)]*\)""")]
    private static partial Regex Parenthesised();

    [GeneratedRegex("""\b[a-z][a-z0-9_]*\b""")]
    private static partial Regex Identifier();
}
