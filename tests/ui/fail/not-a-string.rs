elementa::resource!(schemas / coupa / comment);

fn main() {}
