namespace SbbCommerce.IntegrationTests.Persistence;

/// <summary>db/migrations through DbUp, on fresh empty databases (not the shared template).</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Given_a_migrated_database_When_migrating_again_Then_nothing_is_applied()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync();
        var migrator = TestDatabases.Migrator(connectionString, out var dataSource);
        await using (dataSource)
        {
            await migrator.MigrateAsync(CancellationToken.None);
            var journaled = await CountAsync(dataSource, "SELECT count(*) FROM schemaversions");

            await migrator.MigrateAsync(CancellationToken.None);

            Assert.Equal(journaled, await CountAsync(dataSource, "SELECT count(*) FROM schemaversions"));
            Assert.Equal(MigrationScriptCount(), journaled);
        }
    }

    [Fact]
    public async Task Given_two_hosts_starting_together_When_both_migrate_Then_each_script_runs_once()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync();
        var first = TestDatabases.Migrator(connectionString, out var firstSource);
        var second = TestDatabases.Migrator(connectionString, out var secondSource);
        await using (firstSource)
        await using (secondSource)
        {
            await Task.WhenAll(
                Task.Run(() => first.MigrateAsync(CancellationToken.None)),
                Task.Run(() => second.MigrateAsync(CancellationToken.None)));

            Assert.Equal(MigrationScriptCount(), await CountAsync(firstSource, "SELECT count(*) FROM schemaversions"));
            Assert.Equal(MigrationScriptCount(), await CountAsync(firstSource, "SELECT count(DISTINCT scriptname) FROM schemaversions"));
        }
    }

    [Fact]
    public async Task Given_a_seeded_database_When_seeding_again_Then_no_row_is_added()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync();
        var migrator = TestDatabases.Migrator(connectionString, out var dataSource);
        await using (dataSource)
        {
            await migrator.MigrateAsync(CancellationToken.None);
            var seeder = TestDatabases.Seeder(connectionString, dataSource);
            await seeder.SeedAsync("development", CancellationToken.None);
            var before = await CountRowsAsync(dataSource);

            await seeder.SeedAsync("development", CancellationToken.None);

            Assert.Equal(before, await CountRowsAsync(dataSource));
            Assert.True(before["products"] >= 20, $"{before["products"]} products seeded");
            Assert.Equal(3, before["payment_methods"]);
        }
    }

    [Fact]
    public async Task Given_the_production_seed_When_seeding_Then_only_the_first_admin_and_reference_data_exist()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync();
        var migrator = TestDatabases.Migrator(connectionString, out var dataSource);
        await using (dataSource)
        {
            await migrator.MigrateAsync(CancellationToken.None);
            await TestDatabases.Seeder(connectionString, dataSource).SeedAsync("production", CancellationToken.None);

            var rows = await CountRowsAsync(dataSource);
            Assert.Equal(1, rows["users"]);
            Assert.Equal(0, rows["products"]);
            Assert.Equal(0, rows["discounts"]);
            Assert.Equal(1, await CountAsync(dataSource, "SELECT count(*) FROM users WHERE email = 'admin@sbb.local' AND role = 'super_admin'"));
        }
    }

    [Fact]
    public async Task Given_the_design_When_migrated_Then_every_table_enum_constraint_and_index_exists()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync();
        var migrator = TestDatabases.Migrator(connectionString, out var dataSource);
        await using (dataSource)
        {
            await migrator.MigrateAsync(CancellationToken.None);

            var missing = new List<string>();
            foreach (var table in DesignSchemaObjects.Tables)
            {
                if (await CountAsync(dataSource, $"SELECT count(*) FROM pg_class WHERE relname = '{table}' AND relkind IN ('r','p')") != 1)
                {
                    missing.Add("table " + table);
                }
            }

            foreach (var type in DesignSchemaObjects.Enums)
            {
                if (await CountAsync(dataSource, $"SELECT count(*) FROM pg_type WHERE typname = '{type}' AND typtype = 'e'") != 1)
                {
                    missing.Add("enum " + type);
                }
            }

            foreach (var name in DesignSchemaObjects.Constraints)
            {
                if (await CountAsync(dataSource, $"SELECT (SELECT count(*) FROM pg_constraint WHERE conname = '{name}') + (SELECT count(*) FROM pg_class WHERE relname = '{name}' AND relkind IN ('i','I'))") == 0)
                {
                    missing.Add("constraint " + name);
                }
            }

            foreach (var index in DesignSchemaObjects.Indexes)
            {
                if (await CountAsync(dataSource, $"SELECT count(*) FROM pg_class WHERE relname = '{index}' AND relkind IN ('i','I')") != 1)
                {
                    missing.Add("index " + index);
                }
            }

            Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));

            foreach (var index in DesignSchemaObjects.IndexesDroppedByDecision)
            {
                Assert.Equal(0, await CountAsync(dataSource, $"SELECT count(*) FROM pg_class WHERE relname = '{index}'"));
            }
        }
    }

    internal static int MigrationScriptCount() => typeof(Program).Assembly.GetManifestResourceNames()
        .Count(name => name.StartsWith("migrations/", StringComparison.Ordinal));

    internal static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Dictionary<string, long>> CountRowsAsync(NpgsqlDataSource dataSource)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in DesignSchemaObjects.Tables)
        {
            counts[table] = await CountAsync(dataSource, $"SELECT count(*) FROM {table}");
        }

        return counts;
    }
}
