using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SbbCommerce.IntegrationTests.Persistence;

/// <summary>
/// The EF model and the migrated database must agree table by table and column by column (name, type,
/// nullability): the schema belongs to db/migrations, so drift between the two fails here rather than at run time.
/// </summary>
public sealed class SchemaMatchesModelTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    // event_rollup_pending is written by the events trigger and read by event_rollups_fold() only (migration 0097): SQL's alone.
    private static readonly HashSet<string> TablesWithoutEntity = ["schemaversions", "event_rollup_pending"];

    [Fact]
    public async Task Given_the_migrated_database_When_comparing_with_the_ef_model_Then_every_column_matches()
    {
        var database = await ReadDatabaseColumnsAsync();
        await using var scope = fixture.CreateScope();
        var model = ApiFixture.DbContext(scope).Model;

        var problems = new List<string>();
        var mappedTables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            mappedTables.Add(table);
            if (!database.TryGetValue(table, out var columns))
            {
                problems.Add($"{table}: mapped by {entity.ClrType.Name} but not in the database");
                continue;
            }

            var storeObject = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var mappedColumns = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(storeObject)!;
                if (column == "xmin")
                {
                    continue; // system column: the concurrency token, present on every table
                }

                mappedColumns.Add(column);
                if (!columns.TryGetValue(column, out var actual))
                {
                    problems.Add($"{table}.{column}: mapped by {entity.ClrType.Name}.{property.Name} but not in the database");
                    continue;
                }

                var expectedType = property.GetColumnType();
                if (!string.Equals(expectedType, actual.Type, StringComparison.Ordinal))
                {
                    problems.Add($"{table}.{column}: model type {expectedType}, database type {actual.Type}");
                }

                if (property.IsColumnNullable(storeObject) != actual.Nullable)
                {
                    problems.Add($"{table}.{column}: model nullable {property.IsColumnNullable(storeObject)}, database nullable {actual.Nullable}");
                }
            }

            problems.AddRange(columns.Keys.Where(column => !mappedColumns.Contains(column))
                .Select(column => $"{table}.{column}: in the database but not mapped by {entity.ClrType.Name}"));
        }

        problems.AddRange(database.Keys.Where(table => !mappedTables.Contains(table) && !TablesWithoutEntity.Contains(table))
            .Select(table => $"{table}: in the database but mapped by no entity"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(mappedTables.Count >= 26, $"Only {mappedTables.Count} tables mapped");
    }

    private async Task<Dictionary<string, Dictionary<string, (string Type, bool Nullable)>>> ReadDatabaseColumnsAsync()
    {
        // Top-level tables of public only: partitions (events_y2026m11…) belong to their parent.
        const string Sql = """
            SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.character_maximum_length, c.is_nullable = 'YES'
              FROM information_schema.columns c
              JOIN pg_class t ON t.relname = c.table_name
              JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = c.table_schema
             WHERE c.table_schema = 'public' AND NOT t.relispartition AND t.relkind IN ('r', 'p')
            """;
        var tables = new Dictionary<string, Dictionary<string, (string, bool)>>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var type = StoreType(reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt32(4));
            var columns = tables.TryGetValue(reader.GetString(0), out var existing) ? existing : tables[reader.GetString(0)] = new(StringComparer.Ordinal);
            columns[reader.GetString(1)] = (type, reader.GetBoolean(5));
        }

        return tables;
    }

    /// <summary>information_schema's description of a type, written the way EF's store types are.</summary>
    private static string StoreType(string dataType, string udtName, int? maxLength) => dataType switch
    {
        "character varying" => maxLength is null ? "character varying" : $"character varying({maxLength})",
        "character" => $"character({maxLength})",
        "ARRAY" => (udtName.TrimStart('_') switch { "varchar" => "character varying", var element => element }) + "[]",
        "USER-DEFINED" => udtName,
        _ => dataType,
    };
}
