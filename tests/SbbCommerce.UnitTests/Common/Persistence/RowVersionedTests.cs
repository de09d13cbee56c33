using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SbbCommerce.Api.Common.Persistence;

namespace SbbCommerce.UnitTests.Common.Persistence;

public sealed class RowVersionedTests
{
    [Fact]
    public void Given_the_model_Then_every_row_versioned_entity_checks_its_updates_against_xmin()
    {
        // Building the model opens no connection.
        var options = new DbContextOptionsBuilder<SbbDbContext>().UseNpgsql("Host=unused", DatabaseEnums.Map).Options;
        using var db = new SbbDbContext(options);

        var versioned = db.Model.GetEntityTypes().Where(e => e.ClrType.IsAssignableTo(typeof(RowVersioned))).ToList();

        Assert.NotEmpty(versioned);
        Assert.All(versioned, entity =>
        {
            var version = entity.FindProperty(nameof(RowVersioned.Version))!;
            Assert.True(version.IsConcurrencyToken, entity.ClrType.Name);
            Assert.Equal(ValueGenerated.OnAddOrUpdate, version.ValueGenerated);
            Assert.Equal("xmin", version.GetColumnName());
        });
    }
}
