namespace SbbCommerce.Api.Modules.Identity.Data;

internal sealed class UserAddressConfiguration : IEntityTypeConfiguration<UserAddress>
{
    public void Configure(EntityTypeBuilder<UserAddress> builder)
    {
        builder.ToTable("user_addresses");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.AddressType).HasMaxLength(20).IsRequired();
        builder.Property(e => e.Label).HasMaxLength(50);
        builder.Property(e => e.RecipientName).HasMaxLength(200);
        builder.Property(e => e.Company).HasMaxLength(200);
        builder.Property(e => e.StreetLine1).HasColumnName("street_line_1").HasMaxLength(255);
        builder.Property(e => e.StreetLine2).HasColumnName("street_line_2").HasMaxLength(255);
        builder.Property(e => e.City).HasMaxLength(100);
        builder.Property(e => e.StateProvince).HasMaxLength(100);
        builder.Property(e => e.PostalCode).HasMaxLength(20);
        builder.Property(e => e.CountryCode).HasColumnType("character(2)").IsRequired();
        builder.Property(e => e.Phone).HasMaxLength(20);
        builder.Property(e => e.ValidationSource).HasMaxLength(50);
    }
}
