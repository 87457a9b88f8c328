/// The vocabulary files compiled into the binary (`Resources/boilerplate/*.json5`).
enum BoilerplateResources {
  /// One embedded file: its name and text.
  struct File: Sendable {
    var name: String
    var text: String
  }

  /// Every shipped vocabulary file, language-neutral first.
  static let files: [File] = [
    File(name: "boilerplate_common.json5", text: decode(PackageResources.boilerplate_common_json5)),
    File(name: "boilerplate_en.json5", text: decode(PackageResources.boilerplate_en_json5)),
    File(name: "boilerplate_de.json5", text: decode(PackageResources.boilerplate_de_json5)),
    File(name: "boilerplate_fr.json5", text: decode(PackageResources.boilerplate_fr_json5)),
    File(name: "boilerplate_es.json5", text: decode(PackageResources.boilerplate_es_json5)),
    File(name: "boilerplate_it.json5", text: decode(PackageResources.boilerplate_it_json5)),
    File(name: "boilerplate_pt.json5", text: decode(PackageResources.boilerplate_pt_json5)),
    File(name: "boilerplate_ru.json5", text: decode(PackageResources.boilerplate_ru_json5)),
    File(name: "boilerplate_pl.json5", text: decode(PackageResources.boilerplate_pl_json5)),
  ]

  private static func decode(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
