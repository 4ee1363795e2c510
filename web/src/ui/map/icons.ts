import { divIcon } from "leaflet";

// Markers are drawn by CSS (map.css), never Leaflet's default PNGs: no image URLs to resolve
// through the bundler, and no inline style in their HTML (the CSP allows none).
export const pointIcon = divIcon({
  className: "",
  html: '<span class="map-marker"></span>',
  iconSize: [22, 22],
  iconAnchor: [11, 22],
  popupAnchor: [0, -20],
});

export const formerPointIcon = divIcon({
  className: "",
  html: '<span class="map-marker map-marker--former"></span>',
  iconSize: [22, 22],
  iconAnchor: [11, 22],
  popupAnchor: [0, -20],
});

export const highlightedPointIcon = divIcon({
  className: "",
  html: '<span class="map-marker map-marker--current"></span>',
  iconSize: [26, 26],
  iconAnchor: [13, 26],
  popupAnchor: [0, -24],
});

export function clusterIcon(count: number) {
  const size = count < 10 ? 34 : count < 100 ? 42 : 50;
  return divIcon({
    className: "",
    // The figure is for the eye; the marker's title ("12 partners: zoom in") is its accessible name.
    html: `<span class="map-cluster" aria-hidden="true">${Number(count)}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}
